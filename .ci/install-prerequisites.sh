#!/usr/bin/env bash
# Installs the real parts the tests and the sandbox drive: containerd, the CNCF registry (docker-registry, the registry
# inside Harbor), skopeo, htpasswd (apache2-utils), util-linux's unshare, and clang + zlib1g-dev for the Native AOT
# probe binary (src/ClusterRegistry.Tool/build-native.sh), through apt-get (root); and the csharp-ls language server
# (dotnet tool, no root). Idempotent.
set -euo pipefail

# The csharp-ls language server (a dotnet tool on NuGet) for the editor test (tests/ClusterRegistry.Analyzers.Tests/Editor):
# installed into the repository's .tools/ (git-ignored), not globally; no root needed.
root="$(cd "$(dirname "$0")/.." && pwd)"
csharp_ls_version=0.28.0
if ! "$root/.tools/csharp-ls/csharp-ls" --version 2>/dev/null | grep -q "$csharp_ls_version"; then
  echo "installing: csharp-ls $csharp_ls_version (dotnet tool) into .tools/csharp-ls" >&2
  rm -rf "$root/.tools/csharp-ls"
  dotnet tool install csharp-ls --version "$csharp_ls_version" --tool-path "$root/.tools/csharp-ls" >/dev/null \
    || echo "csharp-ls could not be installed; the editor test will skip and say so" >&2
fi

need=()
command -v containerd >/dev/null 2>&1 || need+=(containerd)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || need+=(skopeo)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
command -v unshare >/dev/null 2>&1 || need+=(util-linux)
command -v git >/dev/null 2>&1 || need+=(git)
# Native AOT of the probe binary (src/ClusterRegistry.Tool/build-native.sh links with clang against zlib).
command -v clang >/dev/null 2>&1 || need+=(clang)
[ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "missing: ${need[*]} — run as root (or: sudo apt-get install -y ${need[*]})" >&2
  exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "missing: ${need[*]} — and apt-get is not available to install them" >&2
  exit 2
fi

echo "installing: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The Debian containerd package starts a system containerd; the tests and the sandbox run their own private ones.
