#!/usr/bin/env bash
# Builds the Pulumi compiler: the stacks program (stacks/), published once so that Pulumi's YAML runtime runs a built
# binary instead of `dotnet run` (Pulumi calls the compiler several times per preview/up, pulumi/pulumi-yaml
# pkg/server/server.go).
#
#   stacks/build-compiler.sh            # -> artifacts/stacks/stacks (what Pulumi.yaml's runtime.options.compiler names)
#   stacks/build-compiler.sh OUT_DIR    # elsewhere (the bench uses this)
#
# ReadyToRun (ahead-of-time native code in the assemblies, so start-up does not wait for the JIT) for linux-x64,
# framework-dependent (uses the installed .NET 10 runtime), invariant globalization (no ICU load: the output is
# culture-independent). The R2R compiler and runtime packs (microsoft.netcore.app.crossgen2.linux-x64,
# microsoft.netcore.app.runtime.linux-x64) come from the NuGet feed like any package. Rebuild after changing a stack:
# the compiler refuses to print a program older than its sources and names this script (docs/pulumi.md, "Stale programs").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/stacks}"
rid="${RID:-linux-x64}"

dotnet publish "$root/stacks/Stacks.csproj" -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -p:InvariantGlobalization=true -p:TieredPGO=false \
  -nologo -v quiet -o "$out"
echo "compiler: $out/stacks  (Pulumi.yaml runs: ./artifacts/stacks/stacks compile)" >&2
