using System.Runtime.InteropServices;

namespace ClusterRegistry.Doctor.Tests;

/// <summary>
/// A stand-in <c>talosctl</c> (a shell script) serving a node root directory with talosctl's output formats
/// (siderolabs/talos cmd/talosctl/cmd/talos/list.go, read.go: <c>ls</c> prints <c>.</c> then names; <c>ls -l</c> a NODE
/// MODE UID GID SIZE(B) LASTMOD NAME table; <c>read</c> the file; a missing path fails with "no such file or
/// directory"). Every invocation is logged, so tests can assert the exact commands doctor runs.
/// </summary>
public sealed class FakeTalosctl
{
    public FakeTalosctl(string dir, string root)
    {
        Path = System.IO.Path.Combine(dir, "talosctl");
        Log = System.IO.Path.Combine(dir, "talosctl.log");
        File.WriteAllText(Path, $$"""
            #!/bin/bash
            echo "$*" >> '{{Log}}'
            [ "$1" = "-n" ] || { echo "expected -n NODE first" >&2; exit 2; }
            node="$2"; shift 2
            root='{{root}}'
            case "$1" in
              read)
                p="$root$2"
                [ -f "$p" ] || { echo "1 error occurred:"; echo "	* $node: rpc error: code = Unknown desc = open $2: no such file or directory"; } >&2
                [ -f "$p" ] || exit 1
                cat "$p" ;;
              ls)
                long=0; if [ "$2" = "-l" ]; then long=1; shift; fi
                p="$root$2"
                [ -d "$p" ] || { echo "$node: lstat $2: no such file or directory" >&2; exit 1; }
                if [ $long = 1 ]; then
                  printf 'NODE\tMODE\tUID\tGID\tSIZE(B)\tLASTMOD\tNAME\n'
                  for f in "$p" "$p"/*; do
                    [ -e "$f" ] || continue
                    name=$(basename "$f"); [ "$f" = "$p" ] && name=.
                    printf '%s\t%s\t0\t0\t%s\t%s\t%s\n' "$node" "$(stat -c %A "$f")" "$(stat -c %s "$f")" "$(date -d @"$(stat -c %Y "$f")" '+%b %e %H:%M:%S')" "$name"
                  done
                else
                  echo .
                  for f in "$p"/*; do [ -e "$f" ] && basename "$f"; done
                fi ;;
              *) echo "unknown command $1" >&2; exit 2 ;;
            esac
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    public string Log { get; }

    public string[] Invocations => File.Exists(Log) ? File.ReadAllLines(Log) : [];

    public static bool CanRun => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && File.Exists("/bin/bash");
}
