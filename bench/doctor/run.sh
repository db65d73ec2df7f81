#!/usr/bin/env bash
# doctor on a node root with 50 registries (issue budget: under 200 ms).
#  1. in process (BenchmarkDotNet): render the stack's node view + read the node root + CRG501-508;
#  2. end to end through the stacks program, process start-up included (hyperfine, or a loop without it): the
#     ReadyToRun build Pulumi.yaml also runs (stacks/build-compiler.sh), and the plain `dotnet stacks.dll`.
# The bench-only stack `bench-doctor-50` is listed when CLUSTERREGISTRY_BENCH_STACKS=1. Reads local files only.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
export CLUSTERREGISTRY_BENCH_STACKS=1
dotnet build bench/ClusterRegistry.Benchmarks -c Release --nologo -v q -clp:ErrorsOnly >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stacks/build-compiler.sh "$work/r2r" 2>/dev/null

echo "== in process (BenchmarkDotNet, short job)"
dotnet bench/ClusterRegistry.Benchmarks/bin/Release/net10.0/ClusterRegistry.Benchmarks.dll \
  --filter '*DoctorBenchmarks*' --job short --exporters markdown --artifacts "$work/bdn" | grep -E '^\|' || true

# A healthy 50-registry node root: the stack's own node view for that node.
"$work/r2r/stacks" synth --stack bench-doctor-50 --target node --out "$work/view" >/dev/null
root="$work/view/192.168.1.98"
args="doctor --stack bench-doctor-50 --node 192.168.1.98 --root $root"
"$work/r2r/stacks" $args >/dev/null || { echo "doctor did not report a healthy node:"; "$work/r2r/stacks" $args; exit 1; }

echo "== end to end, process start-up included"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 --runs 20 --style basic -n "ReadyToRun stacks" "$work/r2r/stacks $args" \
    -n "dotnet stacks.dll" "dotnet stacks/bin/Release/net10.0/stacks.dll $args"
else
  for i in $(seq 10); do s=$(date +%s%N); "$work/r2r/stacks" $args >/dev/null; echo "run $i: $(( ($(date +%s%N) - s) / 1000000 )) ms"; done
fi
