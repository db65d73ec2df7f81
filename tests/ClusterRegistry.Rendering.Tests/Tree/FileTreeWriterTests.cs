using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Tree;

public sealed class FileTreeWriterTests
{
    [Fact]
    public void Writes_utf8_without_bom_and_exactly_the_tree()
    {
        using var temp = new TempDir("writer");
        var tree = new RenderedTree();
        tree.Add("a/b.txt", "héllo\n");
        tree.Add("c.txt", "");
        FileTreeWriter.WriteAtomically(tree, temp.Combine("out"));

        var files = TreeFiles.Read(temp.Combine("out"));
        Assert.Equal(["a/b.txt", "c.txt"], files.Keys);
        Assert.Equal("68-C3-A9-6C-6C-6F-0A", BitConverter.ToString(files["a/b.txt"]));
        Assert.Empty(files["c.txt"]);
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failure_part_way_leaves_the_previous_folder_intact_and_no_temporary_folder()
    {
        using var temp = new TempDir("writer-fail");
        var outDir = temp.Combine("out");
        var good = new RenderedTree();
        good.Add("kept.txt", "previous\n");
        FileTreeWriter.WriteAtomically(good, outDir);

        // "x" as a file and as a folder: the second write fails after the first succeeded.
        var bad = new RenderedTree();
        bad.Add("a.txt", "new\n");
        bad.Add("x", "file\n");
        bad.Add("x/y", "under a file\n");
        Assert.ThrowsAny<IOException>(() => FileTreeWriter.WriteAtomically(bad, outDir));

        Assert.Equal(["kept.txt"], TreeFiles.Read(outDir).Keys);
        Assert.Equal("previous\n", File.ReadAllText(Path.Combine(outDir, "kept.txt")));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failure_with_no_previous_folder_leaves_nothing()
    {
        using var temp = new TempDir("writer-fail-new");
        var bad = new RenderedTree();
        bad.Add("x", "file\n");
        bad.Add("x/y", "under a file\n");
        Assert.ThrowsAny<IOException>(() => FileTreeWriter.WriteAtomically(bad, temp.Combine("out")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }
}
