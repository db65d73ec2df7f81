#!/usr/bin/env bash
# Packs the ClusterRegistry package to a temp folder, restores a throw-away consumer from that folder ONLY (own
# NuGet cache, no other feed), builds a stack with the seed runbook's gaps and checks the build output carries the
# analyzer diagnostics (CRG105, CRG106 as errors, CRG211 as a warning), then that a clean stack builds with none.
# Usage: analyzers/pack-smoke.sh            (exit 0 = the package works as `dotnet add package ClusterRegistry`)
#        PACK_NO_BUILD=1 analyzers/pack-smoke.sh   packs the existing Release outputs without building (the xunit test
#        PackageSmokeTests runs it so, after test.sh has built the solution; nothing in bin/ is rewritten then).
# Runtime on 2 shared cores: ~52 s from a fresh clone (builds the SDK, rules and analyzers), ~11 s when they are built.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/crpack-XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="0.0.0-smoke.$(date +%s)"

echo "== pack ClusterRegistry $version -> $work/feed"
pack_args=()
[ "${PACK_NO_BUILD:-}" = "1" ] && pack_args+=(--no-build)
dotnet pack "$root/src/ClusterRegistry" -c Release -o "$work/feed" -p:PackageVersion="$version" --nologo -v:q "${pack_args[@]}" >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 2; }
unzip -l "$work/feed/ClusterRegistry.$version.nupkg" | awk '{print $4}' | grep -E '^(analyzers|lib)/' | sort

mkdir -p "$work/consumer"
cat >"$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat >"$work/consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ClusterRegistry" Version="$version" />
  </ItemGroup>
</Project>
XML
# Keep the repository's Directory.*.props out of the consumer.
echo '<Project />' >"$work/consumer/Directory.Build.props"
echo '<Project />' >"$work/consumer/Directory.Packages.props"
echo 'return 0;' >"$work/consumer/Program.cs"
sed -e 's/namespace Stacks.Seed;/namespace Consumer;/' "$root/tests/ClusterRegistry.Analyzers.Tests/StackSources/SeedStack.cs" >"$work/consumer/SeedStack.cs"

export NUGET_PACKAGES="$work/packages"
echo "== restore from the local feed only"
dotnet restore "$work/consumer" --nologo -v:q
echo "== build the seed stack (expected to fail with the seed's gaps)"
set +e
dotnet build "$work/consumer" --no-restore --nologo -v:q -clp:NoSummary >"$work/build.log" 2>&1
rc=$?
set -e
grep -oE '(error|warning) CRG[0-9]+' "$work/build.log" | sort | uniq -c
status=0
for expected in "error CRG105" "error CRG106" "warning CRG211"; do
  grep -q "$expected" "$work/build.log" || { echo "MISSING: $expected"; status=1; }
done
[ $rc -ne 0 ] || { echo "the build should fail on the CRG1xx errors"; status=1; }
grep -q "AD0001\|CS8032" "$work/build.log" && { echo "analyzer failed to load or threw:"; grep "AD0001\|CS8032" "$work/build.log"; status=1; }

echo "== build a clean stack (the homelab stack)"
rm "$work/consumer/SeedStack.cs"
sed -e 's/namespace Stacks;/namespace Consumer;/' "$root/stacks/HomelabStack.cs" >"$work/consumer/HomelabStack.cs"
dotnet build "$work/consumer" --no-restore --nologo -v:q -clp:NoSummary >"$work/clean.log" 2>&1 || { cat "$work/clean.log"; status=1; }
if grep -qE 'CRG[0-9]+' "$work/clean.log"; then echo "unexpected CRG diagnostics on the clean stack:"; grep -E 'CRG[0-9]+' "$work/clean.log"; status=1; fi
[ $status -eq 0 ] && echo "PASS: package restores from its own folder, analyzers load and report" || echo "FAIL"
exit $status
