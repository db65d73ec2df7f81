using System.Collections.Concurrent;

namespace ClusterRegistry;

/// <summary>
/// Source paths as findings, SARIF and messages show them: relative to the repository root, with forward slashes, on
/// every machine. A build with <c>PathMap=$(root)=/_/</c> already gives <c>/_/…</c>; an ordinary build gives the absolute
/// path, which is made relative to the nearest folder above it holding <c>.git</c> (a folder, or a file in a worktree),
/// else to the current directory when the file lies under it. Otherwise the path is kept as it is.
/// </summary>
public static class SourcePaths
{
    private static readonly ConcurrentDictionary<string, string?> RootOfDirectory = new(StringComparer.Ordinal);

    public static string RepositoryRelative(string file)
    {
        if (string.IsNullOrEmpty(file))
        {
            return "";
        }

        if (file.StartsWith("/_/", StringComparison.Ordinal))
        {
            return file[3..];
        }

        if (!Path.IsPathFullyQualified(file))
        {
            return file.Replace('\\', '/');
        }

        var directory = Path.GetDirectoryName(file);
        var root = directory is null ? null : RootOfDirectory.GetOrAdd(directory, FindRepositoryRoot);
        if (root is null)
        {
            var cwd = Directory.GetCurrentDirectory();
            root = file.StartsWith(cwd.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? cwd : null;
        }

        return root is null ? file.Replace('\\', '/') : Path.GetRelativePath(root, file).Replace('\\', '/');
    }

    private static string? FindRepositoryRoot(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            var git = Path.Combine(d.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return d.FullName;
            }
        }

        return null;
    }
}
