#!/usr/bin/env bash
# A/B: the analyzer of two git revisions on the same generated project, builds alternating A, B, A, B, ... so that a
# change of machine load hits both alike. Prints the median ReportAnalyzer time of ClusterRegistry.Analyzers (sum of
# its callback time) and the Csc time for each, and B/A.
# Usage: bench/analyzers-ab.sh REV_A REV_B [stacks]     e.g. bench/analyzers-ab.sh origin/main HEAD 100 (REV may be WORKTREE)
#   RUNS=9 (pairs), MODE=warm (compiler server, UseSharedCompilation=true) or cold (fresh csc per build)
# Nothing here asserts; on a shared machine read the medians, not single runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rev_a="${1:?REV_A}"; rev_b="${2:?REV_B}"; n="${3:-100}"
runs="${RUNS:-9}"; mode="${MODE:-warm}"
shared=true; [ "$mode" = cold ] && shared=false
work="$(mktemp -d "${TMPDIR:-/tmp}/crab-XXXXXX")"
servers_before=" $( (pgrep -f VBCSCompiler || true) | tr '\n' ' ') "
cleanup() {
  rm -rf "$work"
  for pid in $(pgrep -f VBCSCompiler || true); do
    case "$servers_before" in *" $pid "*) ;; *) kill "$pid" 2>/dev/null || true ;; esac
  done
}
trap cleanup EXIT

. "$root/bench/analyzer-revision.sh"

echo "== build A ($rev_a), B ($rev_b) and the SDK" >&2
an_a="$(build_rev "$rev_a" "$work/a")"
an_b="$(build_rev "$rev_b" "$work/b")"
dotnet build "$root/src/ClusterRegistry" -c Release --nologo -v:q >&2
sdk="$root/src/ClusterRegistry/bin/Release/net10.0"

dir="$work/gen"
mkdir -p "$dir"
echo '<Project />' >"$dir/Directory.Build.props"
echo '<Project />' >"$dir/Directory.Packages.props"
cat >"$dir/Gen.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="ClusterRegistry"><HintPath>$sdk/ClusterRegistry.dll</HintPath></Reference>
    <Reference Include="ClusterRegistry.Rules"><HintPath>$sdk/ClusterRegistry.Rules.dll</HintPath></Reference>
    <Analyzer Include="\$(CrAnalyzer)" />
  </ItemGroup>
</Project>
XML
for i in $(seq 1 "$n"); do
  sed -e "s/namespace Stacks;/namespace Gen;/" -e "s/HomelabStack/Stack$i/g" -e "s/base(\"homelab\")/base(\"s$i\")/" \
    "$root/stacks/HomelabStack.cs" >"$dir/Stack$i.cs"
done
dotnet restore "$dir" --nologo -v:q >&2

measure() { # analyzer-dll -> "csc_ms ours_s"
  local log="$work/last.log"
  dotnet build "$dir" -c Release --no-restore --no-incremental --no-dependencies --nologo \
    -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -p:UseSharedCompilation=$shared -p:CrAnalyzer="$1" >"$log" 2>&1 || { tail -30 "$log" >&2; exit 2; }
  local csc ours
  csc=$(awk '/ ms  Csc  /{print $1}' "$log" | tail -1)
  ours=$(awk '/ClusterRegistry.Analyzers, Version=/{print $1; exit}' "$log")
  echo "${csc:-0} ${ours:-0}"
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

if [ "$shared" = true ]; then measure "$an_a" >/dev/null; measure "$an_b" >/dev/null; fi
echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $n stacks, $mode, $runs pairs" >&2
: >"$work/a.txt"; : >"$work/b.txt"
for r in $(seq 1 "$runs"); do
  if [ $((r % 2)) -eq 1 ]; then measure "$an_a" >>"$work/a.txt"; measure "$an_b" >>"$work/b.txt"
  else measure "$an_b" >>"$work/b.txt"; measure "$an_a" >>"$work/a.txt"; fi
done
ca=$(awk '{print $1}' "$work/a.txt" | median); oa=$(awk '{print $2}' "$work/a.txt" | median)
cb=$(awk '{print $1}' "$work/b.txt" | median); ob=$(awk '{print $2}' "$work/b.txt" | median)
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf "%-4s %-14s %8s %8s %9s\n" side rev csc_ms ours_s ms/stack
awk -v r="$rev_a" -v c="$ca" -v o="$oa" -v n="$n" 'BEGIN{printf "%-4s %-14s %8.0f %8.3f %9.3f\n", "A", r, c, o, o*1000/n}'
awk -v r="$rev_b" -v c="$cb" -v o="$ob" -v n="$n" 'BEGIN{printf "%-4s %-14s %8.0f %8.3f %9.3f\n", "B", r, c, o, o*1000/n}'
awk -v a="$oa" -v b="$ob" 'BEGIN{ if (a > 0) printf "B/A analyzer time: %.3f\n", b/a }'
echo "runs A (csc_ms ours_s):"; paste -sd' ' "$work/a.txt"
echo "runs B (csc_ms ours_s):"; paste -sd' ' "$work/b.txt"
