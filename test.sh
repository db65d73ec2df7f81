#!/usr/bin/env bash
# Runs every test of the repository (unit, golden, schema, analyzer, and the live ones against real containerd,
# docker-registry and skopeo on loopback), then prints one line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

scripts/install-prerequisites.sh || exit 2

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "building…" >&2
if ! dotnet build ClusterRegistry.sln -c Release -nologo -v:q >"$results/build.log" 2>&1; then
  grep -E "error|Error" "$results/build.log" | sort -u | head -n 40 >&2
  echo "build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
dotnet test ClusterRegistry.sln -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=r" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1500000 || status=$?

read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if c is None:
        continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)

if [ "$status" != 0 ] && [ "${failed:-0}" = 0 ]; then
  failed=1  # the runner failed outside any test (crash, timeout): never report that as green
fi
line="${passed:-0} passed, ${failed:-0} failed"
if [ "${skipped:-0}" != 0 ]; then line="$line, $skipped skipped"; fi
echo "$line"
[ "${failed:-0}" = 0 ]
