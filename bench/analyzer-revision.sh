# Sourced by bench/analyzers-ab.sh and bench/analyzers-cpu.sh (needs $root, the repository).
# build_rev REV DIR: builds the analyzer of git revision REV (or WORKTREE: the working tree, uncommitted changes
# included) under DIR, in Release, and prints the path of its assembly.
build_rev() {
  mkdir -p "$2"
  if [ "$1" = WORKTREE ]; then
    (cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$2" 2>/dev/null || true)
  else
    git -C "$root" archive "$1" | tar -x -C "$2"
  fi
  dotnet build "$2/analyzers/ClusterRegistry.Analyzers" -c Release --nologo -v:q >&2
  echo "$2/analyzers/ClusterRegistry.Analyzers/bin/Release/netstandard2.0/ClusterRegistry.Analyzers.dll"
}
