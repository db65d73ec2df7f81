#!/usr/bin/env bash
# Wall time of the Pulumi path end to end, process start-up included, as Pulumi and a CI job run it:
#   - the compiler (`stacks compile`, what Pulumi.yaml's runtime.options.compiler runs) for homelab, a generated
#     500-node stack (bench-500) and without PULUMI_STACK (the plugin listing Pulumi asks for);   budget < 300 ms
#   - `diff --stack bench-500 --base DIR` between two 500-node stacks (every node's patch differs), per format; budget < 1 s
# The ReadyToRun compiler (stacks/build-compiler.sh) is compared with the same program run by `dotnet stacks.dll` from a
# plain `dotnet build`. Uses hyperfine when installed, else a `date +%s%N` loop (mean of N runs after warm-up).
#
#   bench/pulumi/run.sh [--no-build] [--runs N]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=20
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --runs) runs="$2"; shift ;;
    *) echo "usage: $0 [--no-build] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done

r2r="$root/artifacts/stacks/stacks"
plain="$root/stacks/bin/Release/net10.0/stacks.dll"
if [ "$build" = 1 ]; then
  echo "building: stacks/build-compiler.sh and dotnet build stacks -c Release" >&2
  "$root/stacks/build-compiler.sh" >/dev/null
  dotnet build "$root/stacks/Stacks.csproj" -c Release -nologo -v quiet >/dev/null
fi
[ -x "$r2r" ] || { echo "missing $r2r: run stacks/build-compiler.sh (or drop --no-build)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CLUSTERREGISTRY_BENCH_STACKS=1
unset PULUMI_STACK

# The diff base: bench-500-base compiled as if it were bench-500 at an older commit (program + findings).
"$r2r" compile --stack bench-500-base --out "$work/base/bench-500.json" 2>/dev/null
mv "$work/base/bench-500-base.findings.json" "$work/base/bench-500.findings.json"

# mean_ms NAME ENV... -- CMD...: prints "NAME  mean ms  (min..max, N runs)"
mean_ms() {
  local name="$1"; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    local json="$work/h.json"
    env "${envs[@]}" hyperfine -N --warmup 3 --runs "$runs" --export-json "$json" "$*" >/dev/null 2>&1 ||
      { echo "$name: command failed: $*" >&2; env "${envs[@]}" "$@" >/dev/null; exit 1; }
    python3 - "$json" "$name" "$runs" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]:<44} {r['mean']*1000:8.1f} ms  ±{r['stddev']*1000:5.1f}  (min {r['min']*1000:.1f}, max {r['max']*1000:.1f}, {sys.argv[3]} runs, hyperfine)")
PY
  else
    for _ in 1 2 3; do env "${envs[@]}" "$@" >/dev/null 2>&1; done
    local total=0 min=999999999 max=0
    for _ in $(seq "$runs"); do
      local s e d
      s=$(date +%s%N); env "${envs[@]}" "$@" >/dev/null 2>&1; e=$(date +%s%N)
      d=$(( (e - s) / 1000 )); total=$((total + d))
      [ "$d" -lt "$min" ] && min=$d; [ "$d" -gt "$max" ] && max=$d
    done
    awk -v n="$name" -v t="$total" -v r="$runs" -v lo="$min" -v hi="$max" \
      'BEGIN { printf "%-44s %8.1f ms  (min %.1f, max %.1f, %d runs, date loop)\n", n, t/r/1000, lo/1000, hi/1000, r }'
  fi
}

nodes=$("$r2r" compile --stack bench-500 | grep -c '"type": "command:local:Command"' || true)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version) SDK; bench-500: $((nodes - 1)) node patches + probe"
echo "compiler (budget < 300 ms, start-up included)"
mean_ms "compile homelab   (R2R, Pulumi.yaml's)" PULUMI_STACK=homelab -- "$r2r" compile
mean_ms "compile bench-500 (R2R)" PULUMI_STACK=bench-500 -- "$r2r" compile
mean_ms "compile, no PULUMI_STACK (plugin list, R2R)" CLUSTERREGISTRY_BENCH_STACKS= -- "$r2r" compile
mean_ms "compile homelab   (dotnet stacks.dll, JIT)" PULUMI_STACK=homelab -- dotnet "$plain" compile
mean_ms "compile bench-500 (dotnet stacks.dll, JIT)" PULUMI_STACK=bench-500 -- dotnet "$plain" compile
echo "diff of two 500-node stacks (budget < 1 s; 500 changed node patches + chart bump)"
for format in text markdown json; do
  mean_ms "diff bench-500 --format $format (R2R)" X=1 -- "$r2r" diff --stack bench-500 --base "$work/base" --format "$format"
done
"$r2r" diff --stack bench-500 --base "$work/base" --format markdown > "$work/comment.md"
echo "markdown comment: $(wc -c < "$work/comment.md") bytes, $(wc -l < "$work/comment.md") lines; first line: $(head -1 "$work/comment.md")"
