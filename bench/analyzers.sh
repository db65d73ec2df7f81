#!/usr/bin/env bash
# What the ClusterRegistry analyzer costs a build. Generates throw-away projects of N stack classes (copies of the
# homelab stack, one file each) under a temp dir, compiles each with the compiler's /reportanalyzer, and prints per N:
#   csc_ms      the Csc task's time (MSBuild performance summary), the compile itself
#   ours_s      the ClusterRegistry.Analyzers line of the /reportanalyzer table (sum of callback time)
#   all_s       every analyzer and suppressor of the build (the SDK's NetAnalyzers included)
#   share_%     ours_s / csc_ms
#   ms/stack    ours_s / N
#   no_cr_ms    the Csc time of the same project without our analyzer: csc_ms - no_cr_ms is the wall-clock cost
# "warm" = UseSharedCompilation=true: the compiler server (VBCSCompiler) already has the compiler and the analyzer
# loaded and jitted (the median of the runs), as in an IDE session or repeated local builds;
# "cold" = UseSharedCompilation=false, a fresh csc process per build (compiler and analyzer jitted from scratch), as on a
# CI agent, or here: this sandbox exports UseSharedCompilation=false, so every ordinary build of the repository is cold.
# The compiler server this script starts is stopped at the end (by its PID). The stacks/ project is measured too.
# Usage: bench/analyzers.sh [counts...]      default: 10 50 100; RUNS=3 warm runs each (median)
# Nothing here asserts: compare the figures side by side (ReportAnalyzer times are for comparison, not absolute).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10 50 100)
runs="${RUNS:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/crbench-XXXXXX")"
servers_before=" $( (pgrep -f VBCSCompiler || true) | tr '\n' ' ') "
cleanup() {
  rm -rf "$work"
  for pid in $(pgrep -f VBCSCompiler || true); do
    case "$servers_before" in *" $pid "*) ;; *) kill "$pid" 2>/dev/null || true ;; esac
  done
}
trap cleanup EXIT

echo "== build the analyzer and the SDK (Release)" >&2
dotnet build "$root/analyzers/ClusterRegistry.Analyzers" -c Release --nologo -v:q >&2
dotnet build "$root/src/ClusterRegistry" -c Release --nologo -v:q >&2
analyzer="$root/analyzers/ClusterRegistry.Analyzers/bin/Release/netstandard2.0/ClusterRegistry.Analyzers.dll"
sdk="$root/src/ClusterRegistry/bin/Release/net10.0"

# One build; prints "csc_ms ours_s all_s" read from the detailed log.
measure() { # project extra-msbuild-args...
  local project="$1"; shift
  local log="$work/last.log"
  dotnet build "$project" -c Release --no-restore --no-incremental --no-dependencies --nologo \
    -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary "$@" >"$log" 2>&1 || { tail -30 "$log" >&2; exit 2; }
  local csc ours all
  csc=$(awk '/ ms  Csc  /{print $1}' "$log" | tail -1)
  ours=$(awk '/ClusterRegistry.Analyzers, Version=/{print $1; exit}' "$log")
  all=$(awk '/Total analyzer execution time:/{print $5; exit}' "$log")
  echo "${csc:-0} ${ours:-0} ${all:-0}"
}

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

report() { # label n mode csc ours all nocr
  awk -v l="$1" -v n="$2" -v m="$3" -v c="$4" -v o="$5" -v a="$6" -v x="$7" 'BEGIN{
    share = c > 0 ? 100*o*1000/c : 0; per = n > 0 ? o*1000/n : 0;
    printf "%-10s %6s  %-5s %8.0f %8.3f %8.3f %8.1f %9.2f %9s\n", l, n, m, c, o, a, share, per, x }'
}

header() { printf "%-10s %6s  %-5s %8s %8s %8s %8s %9s %9s\n" project stacks mode csc_ms ours_s all_s share_% ms/stack no_cr_ms; }

generate() { # n dir
  local n="$1" dir="$2"
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
    <Analyzer Include="$analyzer" Condition="'\$(NoClusterRegistryAnalyzer)' != 'true'" />
  </ItemGroup>
</Project>
XML
  for i in $(seq 1 "$n"); do
    sed -e "s/namespace Stacks;/namespace Gen;/" -e "s/HomelabStack/Stack$i/g" -e "s/base(\"homelab\")/base(\"s$i\")/" \
      "$root/stacks/HomelabStack.cs" >"$dir/Stack$i.cs"
  done
  dotnet restore "$dir" --nologo -v:q >&2
}

# Cold: a fresh csc per build. With and without our analyzer alternate, so a change of machine load hits both alike;
# the medians are reported, and csc_ms - no_cr_ms is what the analyzer costs in wall-clock time (the ReportAnalyzer sum
# counts callback time on every core plus its own JIT, and overstates it).
cold() { # project label n   (NoClusterRegistryAnalyzer=true drops the analyzer from generated projects and stacks/)
  local project="$1" label="$2" n="$3" with=() without=()
  for _ in $(seq 1 "$runs"); do
    with+=("$(measure "$project" -p:UseSharedCompilation=false)")
    without+=("$(measure "$project" -p:UseSharedCompilation=false -p:NoClusterRegistryAnalyzer=true | awk '{print $1}')")
  done
  local c o a x
  c=$(printf '%s\n' "${with[@]}" | awk '{print $1}' | median)
  o=$(printf '%s\n' "${with[@]}" | awk '{print $2}' | median)
  a=$(printf '%s\n' "${with[@]}" | awk '{print $3}' | median)
  x=$(printf '%s\n' "${without[@]}" | median)
  report "$label" "$n" cold "$c" "$o" "$a" "$x"
}

echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version), ${runs} warm runs (median)" >&2
header
for n in "${counts[@]}"; do
  dir="$work/gen-$n"
  generate "$n" "$dir"
  measure "$dir" -p:UseSharedCompilation=true >/dev/null   # loads compiler and analyzer into the server
  warm=()
  for _ in $(seq 1 "$runs"); do warm+=("$(measure "$dir" -p:UseSharedCompilation=true)"); done
  csc=$(printf '%s\n' "${warm[@]}" | awk '{print $1}' | median)
  ours=$(printf '%s\n' "${warm[@]}" | awk '{print $2}' | median)
  all=$(printf '%s\n' "${warm[@]}" | awk '{print $3}' | median)
  nocr=$(for _ in $(seq 1 "$runs"); do measure "$dir" -p:UseSharedCompilation=true -p:NoClusterRegistryAnalyzer=true; done | awk '{print $1}' | median)
  report "generated" "$n" warm "$csc" "$ours" "$all" "$nocr"
  cold "$dir" "generated" "$n"
done

# The repository's stacks project (homelab + local, and the CLI program), built as test.sh builds it.
dotnet build "$root/stacks" -c Release --nologo -v:q >&2
measure "$root/stacks" -p:UseSharedCompilation=true >/dev/null
warm=()
for _ in $(seq 1 "$runs"); do warm+=("$(measure "$root/stacks" -p:UseSharedCompilation=true)"); done
csc=$(printf '%s\n' "${warm[@]}" | awk '{print $1}' | median)
ours=$(printf '%s\n' "${warm[@]}" | awk '{print $2}' | median)
all=$(printf '%s\n' "${warm[@]}" | awk '{print $3}' | median)
report "stacks/" 2 warm "$csc" "$ours" "$all" "-"
cold "$root/stacks" "stacks/" 2
