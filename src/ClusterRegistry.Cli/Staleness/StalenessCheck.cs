using System.Reflection;
using System.Security.Cryptography;

namespace ClusterRegistry.Cli.Staleness;

/// <summary>
/// Compares a stack program's <see cref="InputStamp"/> with the sources on disk: every stamped input is hashed again
/// (SHA-256 of its bytes), and the stamped folders are listed for *.cs files the build did not see. Content, not
/// timestamps, decides, so a checkout, a rebase or `git stash pop` that leaves a file's bytes alone does not count.
/// </summary>
public static class StalenessCheck
{
    /// <summary>The check for the running program (its entry assembly), or null when it carries no stamp.</summary>
    public static StalenessReport? ForRunningProgram(string workingDirectory) =>
        InputStamp.Of(Assembly.GetEntryAssembly()) is { } stamp ? Check(stamp, workingDirectory, RunningProgram()) : null;

    /// <summary>
    /// Checks <paramref name="stamp"/> against the sources. They are looked for under the nearest folder at or above
    /// <paramref name="workingDirectory"/> holding Pulumi.yaml (where Pulumi runs the compiler) when the project is there,
    /// else under the folder the program was built in.
    /// </summary>
    public static StalenessReport Check(InputStamp stamp, string workingDirectory, string program)
    {
        var root = SourceRoot(stamp, workingDirectory);
        if (root is null)
        {
            return new StalenessReport(stamp, null, program, workingDirectory, [], [], []);
        }

        var changed = new List<string>();
        var removed = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relative, sha256) in stamp.Files)
        {
            var path = Path.GetFullPath(Path.Combine(root, relative));
            known.Add(path);
            if (!File.Exists(path))
            {
                removed.Add(relative);
            }
            else if (!string.Equals(Hash(path), sha256, StringComparison.OrdinalIgnoreCase))
            {
                changed.Add(relative);
            }
        }

        var added = new List<string>();
        foreach (var scan in stamp.ScanDirectories)
        {
            var dir = Path.GetFullPath(Path.Combine(root, scan));
            if (!Directory.Exists(dir))
            {
                continue; // its files are reported as removed
            }

            foreach (var file in SourceFiles(dir))
            {
                if (!known.Contains(file))
                {
                    added.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
                }
            }
        }

        added.Sort(StringComparer.Ordinal);
        return new StalenessReport(stamp, root, program, workingDirectory, changed, added, removed);
    }

    /// <summary>The running program as a user would name it: the apphost, else the entry assembly.</summary>
    public static string RunningProgram() =>
        Environment.ProcessPath is { } p && !Path.GetFileNameWithoutExtension(p).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? p
            : Assembly.GetEntryAssembly()?.Location ?? "the program";

    private static string? SourceRoot(InputStamp stamp, string workingDirectory)
    {
        // The Pulumi project Pulumi runs the compiler in comes first: its sources are the ones being deployed, even when
        // the program was built in another checkout.
        for (var d = new DirectoryInfo(Path.GetFullPath(workingDirectory)); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Pulumi.yaml")))
            {
                if (File.Exists(Path.Combine(d.FullName, stamp.Project)))
                {
                    return d.FullName;
                }

                break;
            }
        }

        return File.Exists(Path.Combine(stamp.Root, stamp.Project)) ? stamp.Root : null;
    }

    /// <summary>*.cs files under <paramref name="dir"/> the way the SDK's default glob sees them (no bin/, obj/, dot-folders).</summary>
    private static IEnumerable<string> SourceFiles(string dir)
    {
        var pending = new Stack<string>();
        pending.Push(dir);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(current, "*.cs"))
            {
                yield return Path.GetFullPath(file);
            }

            foreach (var sub in Directory.EnumerateDirectories(current))
            {
                var name = Path.GetFileName(sub);
                if (name is not ("bin" or "obj") && !name.StartsWith('.'))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
