using ClusterRegistry.Doctor.Nodes;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Doctor.Tests;

public sealed class TalosctlReaderTests
{
    private static async Task<Reporting.DoctorReport> DiagnoseAsync(INodeReader reader)
    {
        var expected = await NodeSnapshot.ReadAsync(new InMemoryNodeReader(LocalNodeView.Files, "node view"), includeIngest: false, CancellationToken.None);
        return await NodeDoctor.RunAsync(new DoctorRequest { Stack = "local", Node = "127.0.0.1", Expected = expected, SpegelDeclared = true }, reader, CancellationToken.None);
    }

    [Fact]
    public async Task ReadsTheNodeWithTheSeedsCommands()
    {
        Assert.True(FakeTalosctl.CanRun, "needs bash (Linux)");
        using var tmp = new TempDir("talosctl");
        var root = LocalNodeView.WriteRoot(tmp.Combine("root"));
        var fake = new FakeTalosctl(tmp.Path, root);

        var report = await DiagnoseAsync(new TalosctlReader("127.0.0.1", fake.Path));

        Assert.True(report.Healthy, string.Join("\n", report.Findings));
        Assert.Equal("talosctl -n 127.0.0.1", report.Source);
        var calls = fake.Invocations.Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("-n 127.0.0.1 ls /etc/cri/conf.d/hosts", calls);
        Assert.Contains("-n 127.0.0.1 read /etc/cri/conf.d/hosts/127.0.0.105/hosts.toml", calls);
        Assert.Contains("-n 127.0.0.1 read /etc/cri/conf.d/cri.toml", calls);
        Assert.Contains("-n 127.0.0.1 read /etc/hosts", calls);
        Assert.Contains("-n 127.0.0.1 ls -l /var/lib/containerd/io.containerd.content.v1.content/ingest", calls);
        Assert.All(calls, c => Assert.StartsWith("-n 127.0.0.1 ", c));
    }

    [Fact]
    public async Task FaultsShowThroughTalosctlToo()
    {
        Assert.True(FakeTalosctl.CanRun, "needs bash (Linux)");
        using var tmp = new TempDir("talosctl");
        var root = LocalNodeView.WriteRoot(tmp.Combine("root"));
        foreach (var fault in NodeFaults.All("127.0.0.105", "io.containerd.cri.v1.images").Where(f => f.ExpectedId is "CRG502" or "CRG506" or "CRG508"))
        {
            fault.Apply(root);
        }

        var report = await DiagnoseAsync(new TalosctlReader("127.0.0.1", new FakeTalosctl(tmp.Path, root).Path));

        Assert.Equal(new[] { "CRG502", "CRG506", "CRG508" }, report.Findings.Select(f => f.Id));
    }

    [Fact]
    public void MissingTalosctlSaysSoAndWhatToDo()
    {
        var e = Assert.Throws<NodeInspectionException>(() => new TalosctlReader("127.0.0.1", "talosctl-not-installed-here"));
        Assert.Contains("talosctl is not installed", e.Message);
        Assert.Contains("--root", e.Message);
    }

    [Fact]
    public async Task UnreachableNodeCannotBeInspected()
    {
        using var tmp = new TempDir("talosctl");
        var script = tmp.Combine("talosctl");
        File.WriteAllText(script, "#!/bin/sh\necho 'rpc error: code = Unavailable desc = connection error: dial tcp 127.0.0.9:50000: connect: connection refused' >&2\nexit 1\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var e = await Assert.ThrowsAsync<NodeInspectionException>(() => DiagnoseAsync(new TalosctlReader("127.0.0.9", script)));

        Assert.Contains("connection refused", e.Message);
        Assert.Contains("talosctl -n 127.0.0.9", e.Message);
    }

    [Fact]
    public void ParsesShortListingsForOneAndSeveralNodes()
    {
        Assert.Equal(new[] { "_default", "docker.io", "harbor.local_8443_" },
            TalosctlListing.ParseShort(".\n_default\ndocker.io\nharbor.local_8443_\n").Select(e => e.Name));
        Assert.Equal(new[] { "192.168.1.105", "docker.io" },
            TalosctlListing.ParseShort("NODE           NAME\n192.168.1.98   .\n192.168.1.98   docker.io\n192.168.1.98   192.168.1.105\n").Select(e => e.Name));
    }

    [Fact]
    public void ParsesLongListingsWithAndWithoutYear()
    {
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 11, 28, 12, 0, 0)));
        var entries = TalosctlListing.ParseLong(
            "NODE           MODE         UID   GID   SIZE(B)   LASTMOD           NAME\n" +
            "192.168.1.98   drwxr-xr-x   0     0     4096      Nov 28 11:50:00   .\n" +
            "192.168.1.98   drwxr-xr-x   0     0     4096      Nov 28 11:50:00   3f2a\n" +
            "192.168.1.98   -rw-r--r--   0     0     12        Dec  2 2025 09:15   old\n" +
            "192.168.1.98   drwxr-xr-x   4096   Dec 31 23:00:00   lastyear\n", now);

        Assert.Equal(new[] { "3f2a", "lastyear", "old" }, entries.Select(e => e.Name));
        Assert.True(entries[0].IsDirectory);
        Assert.Equal(TimeSpan.FromMinutes(10), now - entries[0].LastModified!.Value);
        Assert.Equal(2025, entries[1].LastModified!.Value.Year); // "Dec 31" seen on Nov 28 is last year's
        Assert.Equal(new DateTime(2025, 12, 2, 9, 15, 0), entries[2].LastModified!.Value.DateTime);
    }
}
