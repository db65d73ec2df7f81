using System.Diagnostics;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Tree;

/// <summary>
/// The one atomic writer: a file through a temporary file and a rename, a folder through a temporary folder swapped into
/// place. Readers never see half an output, failures leave the previous output and no temporary behind.
/// </summary>
public sealed class AtomicFileTests
{
    private static readonly FolderMarker Marker = new(".written-by-test", "ours\n");

    [Fact]
    public void A_file_is_written_utf8_without_bom_and_replaced_whole_with_no_temporary_left()
    {
        using var temp = new TempDir("atomic-file");
        var path = temp.Combine("sub", "report.txt");
        AtomicFile.Write(path, "héllo\n");
        Assert.Equal("68-C3-A9-6C-6C-6F-0A", BitConverter.ToString(File.ReadAllBytes(path)));

        AtomicFile.Write(path, "b");
        Assert.Equal("b", File.ReadAllText(path));
        Assert.Equal(["report.txt"], Directory.EnumerateFileSystemEntries(temp.Combine("sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_where_the_file_should_go_is_refused_not_replaced()
    {
        using var temp = new TempDir("atomic-file");
        var path = temp.Combine("out");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "keep.txt"), "x");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, "y"));
        Assert.Equal("x", File.ReadAllText(Path.Combine(path, "keep.txt")));
    }

    [Fact]
    public void A_folder_is_filled_in_an_empty_temporary_beside_it_and_moved_into_place()
    {
        using var temp = new TempDir("atomic-folder");
        var target = temp.Combine("out");
        string? seen = null;
        AtomicFile.WriteFolder(target, dir =>
        {
            seen = dir;
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
            Assert.False(Directory.Exists(target)); // readers see nothing until the swap
            Directory.CreateDirectory(Path.Combine(dir, "a"));
            File.WriteAllText(Path.Combine(dir, "a", "b.txt"), "1");
        });

        Assert.Equal(temp.Path, Path.GetDirectoryName(seen)); // same folder, so the move is a rename
        Assert.StartsWith(".out.tmp-" + Environment.ProcessId + "-", Path.GetFileName(seen), StringComparison.Ordinal);
        Assert.Equal("1", File.ReadAllText(Path.Combine(target, "a", "b.txt")));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_existing_folder_is_replaced_as_a_whole_and_stays_visible_until_the_swap()
    {
        using var temp = new TempDir("atomic-folder");
        var target = temp.Combine("out");
        AtomicFile.WriteFolder(target, dir => File.WriteAllText(Path.Combine(dir, "old.txt"), "old"));

        AtomicFile.WriteFolder(target, dir =>
        {
            Assert.Equal("old", File.ReadAllText(Path.Combine(target, "old.txt")));
            File.WriteAllText(Path.Combine(dir, "new.txt"), "new");
        });

        Assert.Equal(["new.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failing_fill_leaves_the_previous_folder_and_no_temporary()
    {
        using var temp = new TempDir("atomic-folder");
        var target = temp.Combine("out");
        AtomicFile.WriteFolder(target, dir => File.WriteAllText(Path.Combine(dir, "kept.txt"), "previous"));

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteFolder(target, dir =>
        {
            File.WriteAllText(Path.Combine(dir, "half.txt"), "half");
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal(["kept.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failing_fill_with_no_previous_folder_leaves_nothing()
    {
        using var temp = new TempDir("atomic-folder");
        Assert.Throws<IOException>(() => AtomicFile.WriteFolder(temp.Combine("out"), _ => throw new IOException("no")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_file_where_the_folder_should_go_is_refused_not_replaced()
    {
        using var temp = new TempDir("atomic-folder");
        var target = temp.Combine("out");
        File.WriteAllText(target, "a file");
        var filled = false;

        Assert.Throws<IOException>(() => AtomicFile.WriteFolder(target, _ => filled = true));
        Assert.False(filled);
        Assert.Equal("a file", File.ReadAllText(target));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void The_marker_is_written_first_so_a_killed_run_leaves_a_recognisable_folder()
    {
        using var temp = new TempDir("atomic-folder");
        var target = temp.Combine("out");
        AtomicFile.WriteFolder(target, dir => Assert.Equal(Marker.Text, File.ReadAllText(Path.Combine(dir, Marker.FileName))), Marker);
        Assert.Equal(Marker.Text, File.ReadAllText(Path.Combine(target, Marker.FileName)));
    }

    [Fact]
    public async Task Leftovers_of_a_dead_process_are_removed_when_marked_or_empty_and_others_are_kept()
    {
        using var temp = new TempDir("atomic-folder");
        var dead = await DeadProcessIdAsync();
        var staleTemp = MakeFolder(temp.Combine($".out.tmp-{dead}-{Guid.NewGuid():N}"), marker: true);
        var staleOld = MakeFolder(temp.Combine($".out.old-{dead}-{Guid.NewGuid():N}"), marker: true);
        var empty = Directory.CreateDirectory(temp.Combine($".out.tmp-{dead}-{Guid.NewGuid():N}")).FullName;
        var live = MakeFolder(temp.Combine($".out.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}"), marker: true);
        var lookAlike = MakeFolder(temp.Combine($".out.tmp-{dead}-{Guid.NewGuid():N}"), marker: false);
        var otherName = MakeFolder(temp.Combine($".other.tmp-{dead}-{Guid.NewGuid():N}"), marker: true);

        AtomicFile.WriteFolder(temp.Combine("out"), _ => { }, Marker);

        Assert.False(Directory.Exists(staleTemp));
        Assert.False(Directory.Exists(staleOld));
        Assert.False(Directory.Exists(empty));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(lookAlike));
        Assert.True(Directory.Exists(otherName));
    }

    [Fact]
    public async Task Without_a_marker_only_empty_leftovers_of_a_dead_process_are_removed()
    {
        using var temp = new TempDir("atomic-folder");
        var dead = await DeadProcessIdAsync();
        var empty = Directory.CreateDirectory(temp.Combine($".out.tmp-{dead}-{Guid.NewGuid():N}")).FullName;
        var withFiles = MakeFolder(temp.Combine($".out.tmp-{dead}-{Guid.NewGuid():N}"), marker: false);

        AtomicFile.WriteFolder(temp.Combine("out"), _ => { });

        Assert.False(Directory.Exists(empty));
        Assert.True(Directory.Exists(withFiles));
    }

    private static string MakeFolder(string path, bool marker)
    {
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "big.yaml"), "x: 1\n");
        if (marker)
        {
            File.WriteAllText(Path.Combine(path, Marker.FileName), Marker.Text);
        }

        return path;
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await p.WaitForExitAsync();
        return p.Id;
    }
}
