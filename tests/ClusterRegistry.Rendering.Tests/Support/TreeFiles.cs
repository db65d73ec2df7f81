namespace ClusterRegistry.Rendering.Tests.Support;

/// <summary>A folder read back as relative path → bytes, for byte-for-byte comparisons.</summary>
public static class TreeFiles
{
    /// <summary>Every file under <paramref name="dir"/> except synth's ownership marker (its own tests look at it).</summary>
    public static SortedDictionary<string, byte[]> Read(string dir)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(dir))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            if (Path.GetRelativePath(dir, file) == FileTreeWriter.OwnershipMarker)
            {
                continue;
            }

            result[Path.GetRelativePath(dir, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }

        return result;
    }

    public static void AssertIdentical(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs");
        }
    }
}
