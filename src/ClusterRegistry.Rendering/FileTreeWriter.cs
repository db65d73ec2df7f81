namespace ClusterRegistry.Rendering;

/// <summary>
/// Writes a <see cref="RenderedTree"/> so that the target folder is either fully written or untouched, and only ever
/// replaces a folder it wrote itself: every folder it writes holds <see cref="OwnershipMarker"/>, and a non-empty folder
/// without it is refused (<see cref="FolderNotOwnedException"/>) instead of deleted.
/// </summary>
public static class FileTreeWriter
{
    /// <summary>The file that marks a folder as written (and replaceable) by this writer.</summary>
    public const string OwnershipMarker = ".clusterregistry-synth";

    /// <summary>The marker's text: the same on every run, so the output stays byte-identical.</summary>
    public const string OwnershipMarkerText =
        "This folder was written by ClusterRegistry synth, which replaces it as a whole on every run.\n" +
        "Keep nothing else here: files added by hand are lost on the next synth.\n";

    private static readonly FolderMarker Marker = new(OwnershipMarker, OwnershipMarkerText);

    /// <summary>
    /// Writes <paramref name="tree"/> into a fresh temporary folder beside <paramref name="outDir"/> and then moves it into
    /// place (<see cref="AtomicFile.WriteFolder"/>, marker first). An existing <paramref name="outDir"/> is replaced only
    /// after everything was written, and only when it is empty or holds <see cref="OwnershipMarker"/>; on any failure the
    /// temporary folder is removed and <paramref name="outDir"/> is left as it was. Temporary folders that an earlier run
    /// left behind when it was killed (its process is gone) are removed first. Files are UTF-8 without BOM.
    /// </summary>
    /// <exception cref="FolderNotOwnedException"><paramref name="outDir"/> is a non-empty folder this writer did not write.</exception>
    public static void WriteAtomically(RenderedTree tree, string outDir)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        var target = Path.GetFullPath(outDir);
        if (Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar)) is null)
        {
            throw new ArgumentException("--out cannot be a root folder");
        }

        if (Directory.Exists(target) && !IsOwned(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new FolderNotOwnedException(target);
        }

        AtomicFile.WriteFolder(target, temp => WriteInto(tree, temp), Marker);
    }

    /// <summary>Writes the files of <paramref name="tree"/> under an existing folder (no atomicity); a path that would leave the folder is refused.</summary>
    public static void WriteInto(RenderedTree tree, string dir)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)) + Path.DirectorySeparatorChar;
        foreach (var (path, content) in tree)
        {
            var full = Path.GetFullPath(Path.Combine(dir, path.Replace('/', Path.DirectorySeparatorChar)));
            if (Path.IsPathRooted(path) || !full.StartsWith(root, StringComparison.Ordinal))
            {
                throw new IOException($"rendered path '{path}' would be written outside {dir}; refused");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content, utf8);
        }
    }

    /// <summary>Whether <paramref name="dir"/> holds the marker of a folder this writer wrote.</summary>
    public static bool IsOwned(string dir) => File.Exists(Path.Combine(dir, OwnershipMarker));
}
