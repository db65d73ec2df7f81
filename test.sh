#!/usr/bin/env bash
# Runs every test of the repository (unit, golden, schema, analyzer, and the live ones against real containerd,
# docker-registry and skopeo on loopback) and the local sandbox end to end, then prints one line:
# "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

.ci/install-prerequisites.sh || exit 2

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "building…" >&2
if ! dotnet build ClusterRegistry.sln -c Release -nologo -v:q >"$results/build.log" 2>&1; then
  grep -E "error|Error" "$results/build.log" | sort -u | head -n 40 >&2
  echo "build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# The native probe binary (Native AOT; minutes on 2 cores), built once before the tests, which run it as a process
# (tests/ClusterRegistry.Probe.Tests/Native). CLUSTERREGISTRY_NATIVE=0 leaves it out: those tests then skip, saying why.
native_failed=0; native_skipped=0
if [ "${CLUSTERREGISTRY_NATIVE:-1}" = 0 ]; then
  echo "native: not built (CLUSTERREGISTRY_NATIVE=0); the native tests skip" >&2
elif ! command -v clang >/dev/null 2>&1 && [ "$(id -u)" != 0 ]; then
  native_skipped=1
  echo "native: skipped — Native AOT needs clang and zlib1g-dev (run as root, or install them); the native tests skip" >&2
else
  echo "native: publishing artifacts/clusterregistry/clusterregistry (Native AOT)…" >&2
  native_t0=$(date +%s)
  if src/ClusterRegistry.Tool/build-native.sh >"$results/native.log" 2>&1; then
    echo "native: built in $(( $(date +%s) - native_t0 )) s" >&2
  else
    native_failed=1
    echo "native: build-native.sh FAILED (a trim/AOT warning is an error there); last lines of its log:" >&2
    tail -n 30 "$results/native.log" >&2
  fi
fi

status=0
dotnet test ClusterRegistry.sln -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=r" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1500000 || status=$?

# Sum the counters of every TRX file (plain grep/sed: no interpreter needed beyond bash).
passed=0; failed=0; skipped=0
counter() { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0; }
while IFS= read -r -d '' trx; do
  passed=$(( passed + $(counter "$trx" passed) ))
  for k in failed error timeout aborted; do failed=$(( failed + $(counter "$trx" $k) )); done
  skipped=$(( skipped + $(counter "$trx" notExecuted) ))
done < <(find "$results" -name '*.trx' -print0)

# The README's first command, end to end (registry + containerd on loopback, check, CRI pull, doctor): one more test.
if [ "$(id -u)" = 0 ]; then
  echo "sandbox: running ./sandbox.sh end to end (its log is shown if it fails)…" >&2
  if SANDBOX_DIR="$results/sandbox" ./sandbox.sh >"$results/sandbox.log" 2>&1; then
    passed=$(( ${passed:-0} + 1 ))
    grep -E "^  (PASS|FAIL|pull:|time:)" "$results/sandbox.log" >&2 || true
  else
    failed=$(( ${failed:-0} + 1 ))
    echo "sandbox: FAILED; last lines of its log:" >&2
    tail -n 40 "$results/sandbox.log" >&2
  fi
else
  skipped=$(( ${skipped:-0} + 1 ))
  echo "sandbox: skipped — it starts containerd in a private mount namespace, which needs root (run: sudo ./test.sh)" >&2
fi

failed=$(( ${failed:-0} + native_failed ))
skipped=$(( ${skipped:-0} + native_skipped ))

if [ "$status" != 0 ] && [ "${failed:-0}" = 0 ]; then
  failed=1  # the runner failed outside any test (crash, timeout): never report that as green
fi
line="${passed:-0} passed, ${failed:-0} failed"
if [ "${skipped:-0}" != 0 ]; then line="$line, $skipped skipped"; fi
echo "$line"
[ "${failed:-0}" = 0 ]
