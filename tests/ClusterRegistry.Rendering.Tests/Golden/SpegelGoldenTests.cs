using ClusterRegistry.Rendering.Spegel;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Golden;

/// <summary>Every case of golden/spegel-mirror.yaml (Spegel's own test vectors), byte for byte.</summary>
public sealed class SpegelGoldenTests
{
    private static readonly Dictionary<object, object?> Golden = YamlDoc.LoadFile(RepoPaths.Golden("spegel-mirror.yaml"));

    public static IEnumerable<object[]> Names(string section) => Golden.Get(section).List().Select(c => new object[] { c.Map().Str("name")! });

    [Theory]
    [MemberData(nameof(Names), "mirror_configuration_cases")]
    public void Mirror_configuration_matches_spegel(string name)
    {
        var c = Case("mirror_configuration_cases", name);
        var input = c.Get("input").Map();
        var dir = new VirtualDirectory();
        foreach (var (path, content) in input.Get("existingFiles").Map())
        {
            dir.Files[(string)path] = (string)content!;
        }

        var basicAuth = input.Get("basicAuth") is Dictionary<object, object?> ba ? (ba.Str("username")!, ba.Str("password")!) : ((string, string)?)null;
        SpegelMirrorWriter.AddMirrorConfiguration(dir, new SpegelMirrorInput
        {
            MirroredRegistries = input.Get("mirroredRegistries").List().Cast<string>().ToList(),
            MirrorTargets = input.Get("mirrorTargets").List().Cast<string>().ToList(),
            ResolveTags = input.Bool("resolveTags"),
            PrependExisting = input.Bool("prependExisting"),
            BasicAuth = basicAuth,
        });

        var expected = c.Get("expected").Map();
        var expectedFiles = expected.Get("files").Map().ToDictionary(f => (string)f.Key, f => (string)f.Value!);
        Assert.Equal(expectedFiles.Keys.OrderBy(k => k, StringComparer.Ordinal), dir.Files.Keys);
        foreach (var (path, content) in expectedFiles)
        {
            Assert.Equal(content, dir.Files[path]);
        }

        Assert.Equal(expected.Bool("backupDirExists"), dir.DirectoryExists(SpegelMirrorWriter.BackupDir));
    }

    [Theory]
    [MemberData(nameof(Names), "existing_hosts_cases")]
    public void Existing_hosts_are_reencoded_like_spegel(string name)
    {
        var c = Case("existing_hosts_cases", name);
        var dir = new VirtualDirectory();
        foreach (var (path, content) in c.Get("backupFiles").Map())
        {
            dir.Files[(string)path] = (string)content!;
        }

        var (dirName, _) = SpegelMirrorWriter.Target(c.Str("mirroredRegistry")!);
        Assert.Equal(c.Str("expected"), SpegelMirrorWriter.ExistingHosts(dir, dirName));
    }

    [Theory]
    [MemberData(nameof(Names), "backup_config_cases")]
    public void Backup_moves_everything_once(string name)
    {
        var c = Case("backup_config_cases", name);
        var dir = new VirtualDirectory();
        foreach (var (path, content) in c.Get("existingFiles").Map())
        {
            dir.Files[(string)path] = (string)content!;
        }

        SpegelMirrorWriter.Backup(dir);
        var expected = c.Get("expected").Map();
        Assert.Equal(expected.Bool("backupDirExists"), dir.DirectoryExists(SpegelMirrorWriter.BackupDir));
        var entries = dir.Files.Keys.Where(k => k.StartsWith("_backup/", StringComparison.Ordinal)).Select(k => k.Split('/')[1]).Distinct().Count();
        Assert.Equal(int.Parse(expected.Str("backupDirEntries")!, System.Globalization.CultureInfo.InvariantCulture), entries);
        Assert.DoesNotContain(dir.Files.Keys, k => !k.StartsWith("_backup/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names), "cleanup_mirror_configuration_cases")]
    public void Cleanup_restores_the_backup(string name)
    {
        var c = Case("cleanup_mirror_configuration_cases", name);
        var existing = c.Get("existing").Map();
        var dir = new VirtualDirectory();
        foreach (var (path, content) in existing.Get("files").Map())
        {
            dir.Files[(string)path] = (string)content!;
        }

        foreach (var d in existing.Get("emptyDirs").List().Cast<string>())
        {
            dir.Directories.Add(d);
        }

        var runs = int.Parse(c.Str("runs")!, System.Globalization.CultureInfo.InvariantCulture);
        var expected = c.Get("expected").Map().Get("topLevelEntries").List().Cast<string>().ToList();
        for (var i = 0; i < runs; i++)
        {
            SpegelMirrorWriter.CleanupMirrorConfiguration(dir);
            Assert.Equal(expected, dir.TopLevelEntries());
        }

        Assert.Equal("hello world", dir.Files["data.txt"]);
    }

    private static Dictionary<object, object?> Case(string section, string name) =>
        Golden.Get(section).List().Select(c => c.Map()).Single(c => c.Str("name") == name);
}
