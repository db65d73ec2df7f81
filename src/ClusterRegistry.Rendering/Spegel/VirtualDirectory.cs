namespace ClusterRegistry.Rendering.Spegel;

/// <summary>
/// An in-memory directory (relative path → contents) plus explicitly existing directories, so the effect of tools that
/// move and rewrite files on a node (Talos, Spegel) can be computed without touching a disk.
/// </summary>
public sealed class VirtualDirectory
{
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Directories that exist even without files (e.g. an empty <c>_backup</c>).</summary>
    public SortedSet<string> Directories { get; } = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="dir"/> exists: listed, or holding a file.</summary>
    public bool DirectoryExists(string dir)
    {
        if (Directories.Contains(dir))
        {
            return true;
        }

        var prefix = dir + "/";
        return Files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>The first path segments (files and directories) directly in the root.</summary>
    public IReadOnlyList<string> TopLevelEntries() =>
        Files.Keys.Select(k => k.Split('/')[0]).Concat(Directories.Select(d => d.Split('/')[0]))
            .Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
}
