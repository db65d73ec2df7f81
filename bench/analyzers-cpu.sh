#!/usr/bin/env bash
# A/B of the analyzer's own CPU time, robust to a loaded machine: perf samples on-CPU time only, so other processes'
# load does not count, as it does in ReportAnalyzer's wall-clock (bench/analyzers-ab.sh). Both revisions' analyzers run
# in the same host (bench/AnalyzerCpu) over N copies of stacks/HomelabStack.cs (HEAD's, for both), ITERATIONS fresh
# compilations each after three warm-up ones that perf does not sample (JIT and first-use caches are the cold build's cost,
# bench/analyzers.sh), with tiered JIT off (optimized code from the start), alternating A, B, A, B, ...
# Prints per run and as medians: the CPU milliseconds per iteration in samples whose call chain holds a frame of
# ClusterRegistry.Analyzers (its callbacks and what they call into Roslyn), per stack class, and B/A.
# MODE=cold measures a fresh process instead, as a cold csc runs the analyzer: no warm-up, tiered JIT on, one compilation
# per run (ITERATIONS is then 1), so the JIT of the analyzer's code is counted; take RUNS=9 or more.
# Usage: bench/analyzers-cpu.sh REV_A REV_B [N=100] [ITERATIONS=30]; RUNS=3 (pairs), MODE=warm|cold. Needs perf (Debian: linux-perf).
# Nothing here asserts.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rev_a="${1:?REV_A}"; rev_b="${2:?REV_B}"; n="${3:-100}"; iterations="${4:-30}"; runs="${RUNS:-3}"
mode="${MODE:-warm}"
[ "$mode" = cold ] && iterations=1
command -v perf >/dev/null || { echo "perf is not installed (apt-get install linux-perf)" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/crcpu-XXXXXX")"
maps_before=" $( (ls /tmp/perf-*.map 2>/dev/null || true) | tr '\n' ' ') "
cleanup() { # the work dir, and the perf maps (/tmp/perf-PID.map, where perf reads them) the runs left
  rm -rf "$work"
  for m in /tmp/perf-*.map; do
    case "$maps_before" in *" $m "*) ;; *) rm -f "$m" ;; esac
  done
}
trap cleanup EXIT

. "$root/bench/analyzer-revision.sh"

echo "== build A ($rev_a), B ($rev_b), the SDK and the host" >&2
an_a="$(build_rev "$rev_a" "$work/a")"
an_b="$(build_rev "$rev_b" "$work/b")"
dotnet build "$root/src/ClusterRegistry" -c Release --nologo -v:q >&2
dotnet build "$root/bench/AnalyzerCpu" -c Release --nologo -v:q -o "$work/host" >&2
sdk="$root/src/ClusterRegistry/bin/Release/net10.0"

measure() { # analyzer-dll -> ms of analyzer CPU per iteration
  export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  if [ "$mode" = cold ]; then export ANALYZER_CPU_WARMUP=0; unset DOTNET_TieredCompilation; else export DOTNET_TieredCompilation=0; fi
  rm -f "$work/ctl"; mkfifo "$work/ctl"
  PERF_CTL_FIFO="$work/ctl" perf record -q -D -1 --control "fifo:$work/ctl" -e cpu-clock -F 1999 -g -o "$work/perf.data" \
    dotnet "$work/host/AnalyzerCpu.dll" "$1" "$sdk" "$root/stacks/HomelabStack.cs" "$n" "$iterations" >&2
  # cpu-clock at 1999 Hz: each sample stands for 1000/1999 ms of CPU.
  perf script -i "$work/perf.data" -F ip,sym 2>/dev/null | awk -v it="$iterations" '
    /^$/ { if (inside) hits++; inside = 0; next }
    /\[ClusterRegistry\.Analyzers\]/ { inside = 1 }
    END { if (inside) hits++; printf "%.1f\n", hits * 1000 / 1999 / it }'
}

a_all=(); b_all=()
for r in $(seq 1 "$runs"); do
  a=$(measure "$an_a"); b=$(measure "$an_b")
  a_all+=("$a"); b_all+=("$b")
  echo "run $r: A ${a} ms  B ${b} ms per iteration of $n stacks" >&2
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ma=$(median "${a_all[@]}"); mb=$(median "${b_all[@]}")
awk -v a="$ma" -v b="$mb" -v n="$n" 'BEGIN { printf "A %.1f ms (%.3f ms/stack)  B %.1f ms (%.3f ms/stack)  B/A %.2f\n", a, a/n, b, b/n, b/a }'
