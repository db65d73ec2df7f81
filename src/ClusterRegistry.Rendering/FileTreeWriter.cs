namespace ClusterRegistry.Rendering;

/// <summary>Writes a <see cref="RenderedTree"/> so that the target folder is either fully written or untouched.</summary>
public static class FileTreeWriter
{
    /// <summary>
    /// Writes <paramref name="tree"/> into a fresh temporary folder beside <paramref name="outDir"/> and then moves it into
    /// place. An existing <paramref name="outDir"/> is replaced only after everything was written; on any failure the
    /// temporary folder is removed and <paramref name="outDir"/> is left as it was. Files are UTF-8 without BOM.
    /// </summary>
    public static void WriteAtomically(RenderedTree tree, string outDir)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        var target = Path.GetFullPath(outDir);
        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new ArgumentException("--out cannot be a root folder");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar));
        var temp = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string? old = null;
        try
        {
            Directory.CreateDirectory(temp);
            WriteInto(tree, temp);
            if (Directory.Exists(target))
            {
                old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Directory.Move(target, old);
            }

            Directory.Move(temp, target);
        }
        catch
        {
            TryDelete(temp);
            if (old is not null && !Directory.Exists(target))
            {
                Directory.Move(old, target);
                old = null;
            }

            throw;
        }

        if (old is not null)
        {
            TryDelete(old);
        }
    }

    /// <summary>Writes the files of <paramref name="tree"/> under an existing folder (no atomicity).</summary>
    public static void WriteInto(RenderedTree tree, string dir)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (path, content) in tree)
        {
            var full = Path.Combine(dir, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content, utf8);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
