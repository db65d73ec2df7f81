#!/usr/bin/env bash
# doctor on a node root with 50 registries (issue budget: under 200 ms).
#  1. in process (BenchmarkDotNet): render the stack's node view + read the node root + CRG501-508;
#  2. end to end through the CLI, .NET start-up included (hyperfine, or a loop when hyperfine is missing).
# Reads only local files; no network.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
dotnet build bench/ClusterRegistry.Benchmarks -c Release --nologo -v q -clp:ErrorsOnly >/dev/null
BENCH=bench/ClusterRegistry.Benchmarks/bin/Release/net10.0/ClusterRegistry.Benchmarks.dll

echo "== in process (BenchmarkDotNet, short job)"
dotnet "$BENCH" --filter '*DoctorBenchmarks*' --job short --exporters markdown --artifacts "${TMPDIR:-/tmp}/doctor-bench" \
  | grep -E '^\|' || true

echo "== end to end: 'doctor --stack fifty --node 192.168.1.98 --root DIR' (process start included)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A healthy 50-registry node root: the stack's own node view for that node.
dotnet "$BENCH" cli synth --stack fifty --target node --out "$work/view" >/dev/null
root="$work/view/192.168.1.98"
cmd="dotnet $BENCH cli doctor --stack fifty --node 192.168.1.98 --root $root"
$cmd >/dev/null || { echo "doctor did not report a healthy node:"; $cmd; exit 1; }
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 15 --style basic "$cmd"
else
  for i in $(seq 10); do s=$(date +%s%N); $cmd >/dev/null; echo "run $i: $(( ($(date +%s%N) - s) / 1000000 )) ms"; done
fi
