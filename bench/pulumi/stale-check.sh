#!/usr/bin/env bash
# What the stale check and the gate cost the compiler Pulumi runs, and what a rebuild costs when sources changed.
#   1. `compile` (homelab, and the plugin listing without PULUMI_STACK) of a compiler built from BASE_REF (before the
#      stale check and the gate) against the working tree's compiler: the difference is the SHA-256 pass over the
#      stamped inputs, the folder listing and the rules run on the real values. hyperfine, interleaved in one run.
#   2. stacks/build-compiler.sh when nothing changed (what "always build before pulumi" costs) and after one edit to a
#      stack (what the "stale" refusal asks for), wall time of one run each.
#
#   bench/pulumi/stale-check.sh BASE_REF [--runs N] [--no-rebuild]
# The base is exported with `git archive` into a temp folder and published there (no worktree of this repository).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 BASE_REF [--runs N] [--no-rebuild]" >&2; exit 2; }
base_ref="$1"; shift
runs=30
rebuild=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --no-rebuild) rebuild=0 ;;
    *) echo "usage: $0 BASE_REF [--runs N] [--no-rebuild]" >&2; exit 2 ;;
  esac
  shift
done
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$base_ref" | tar -x -C "$work" && mkdir -p "$work/out"
echo "building the base compiler ($base_ref) and the working tree's" >&2
"$work/stacks/build-compiler.sh" "$work/out" >/dev/null 2>&1
"$root/stacks/build-compiler.sh" >/dev/null 2>&1
base="$work/out/stacks"
new="$root/artifacts/stacks/stacks"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (shared: other builds run at the same time)"
cd "$root"   # where Pulumi runs the compiler (Pulumi.yaml's folder)
unset PULUMI_STACK CLUSTERREGISTRY_BENCH_STACKS
hyperfine -N --warmup 3 --runs "$runs" \
  -n "compile homelab, base ($base_ref)" "env PULUMI_STACK=homelab $base compile" \
  -n "compile homelab, stale check + gate" "env PULUMI_STACK=homelab $new compile" \
  -n "plugin listing, base ($base_ref)" "$base compile" \
  -n "plugin listing, stale check" "$new compile"

if [ "$rebuild" = 1 ]; then
  s=$(date +%s%N); "$root/stacks/build-compiler.sh" >/dev/null 2>&1; e=$(date +%s%N)
  echo "stacks/build-compiler.sh, nothing changed: $(( (e - s) / 1000000 )) ms"
  cp "$root/stacks/LocalStack.cs" "$work/LocalStack.cs.orig"
  echo "// bench edit" >> "$root/stacks/LocalStack.cs"
  status=$(PULUMI_STACK=homelab "$new" compile 2>&1 >/dev/null || true)
  echo "after one edit: $status"
  s=$(date +%s%N); "$root/stacks/build-compiler.sh" >/dev/null 2>&1; e=$(date +%s%N)
  echo "stacks/build-compiler.sh after one edit: $(( (e - s) / 1000000 )) ms"
  cp "$work/LocalStack.cs.orig" "$root/stacks/LocalStack.cs"
  "$root/stacks/build-compiler.sh" >/dev/null 2>&1   # back to the unedited sources
fi
