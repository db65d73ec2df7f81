#!/usr/bin/env bash
# Publishes the standalone clusterregistry tool as a Native AOT binary (trimmed, invariant globalization):
#
#   src/ClusterRegistry.Tool/build-native.sh [OUT_DIR]        (default: artifacts/clusterregistry)
#
# Result: OUT_DIR/clusterregistry and, beside it, libe_sqlite3.so (the probe history's SQLite, which the binary loads
# from its own folder). Only 'probe' is in it (registry and CRI modes, --json, the budget exit code, history,
# failure classification); --via kubernetes, 'probe report' and the stack verbs say so and exit 2 (see Native/).
# Any trim or AOT warning (IL2xxx/IL3xxx) fails the publish. Needs clang and zlib1g-dev: installed here with apt-get
# when missing (as root). The ILCompiler packages come from NuGet; the SDK picks their version.
# Takes a few minutes; the old binary stays in place until the new one is complete.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$repo/artifacts/clusterregistry}

# --- the native toolchain (its own step; apt-get as root) -------------------------------------------------------------
need=()
command -v clang >/dev/null 2>&1 || need+=(clang)
[ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "error: missing ${need[*]} — run as root, or: sudo apt-get install -y ${need[*]}" >&2
    exit 2
  fi
  echo "installing: ${need[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "error: no Native AOT runtime identifier for $(uname -m)" >&2; exit 2 ;;
esac

# --- publish into a temp folder, then move into place ----------------------------------------------------------------
mkdir -p "$(dirname "$out")"
stage=$(mktemp -d "$(dirname "$out")/.clusterregistry-native.XXXXXX")
trap 'rm -rf "$stage"' EXIT
echo "publishing src/ClusterRegistry.Tool with Native AOT for $rid (a few minutes)…" >&2
dotnet publish "$here/ClusterRegistry.Tool.csproj" -c Release -r "$rid" -p:ClusterRegistryNative=true \
  -o "$stage/publish" -nologo -v:q -clp:NoSummary

mkdir "$stage/out"
mv "$stage/publish/ClusterRegistry.Tool" "$stage/out/clusterregistry"
# The SQLite library the history opens (Microsoft.Data.Sqlite's e_sqlite3, resolved next to the binary).
# (The publish also copies SkiaSharp's and HarfBuzz's libraries from the package graph; the binary never loads them.)
[ -e "$stage/publish/libe_sqlite3.so" ] || { echo "error: libe_sqlite3.so missing from the publish" >&2; ls "$stage/publish" >&2; exit 1; }
cp "$stage/publish/libe_sqlite3.so" "$stage/out/"

rm -rf "$out.old"
[ -e "$out" ] && mv "$out" "$out.old"
mv "$stage/out" "$out"
rm -rf "$out.old"
echo "$out/clusterregistry ($(du -h "$out/clusterregistry" | cut -f1))" >&2
