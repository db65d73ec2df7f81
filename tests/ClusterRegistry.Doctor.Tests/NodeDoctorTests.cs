using ClusterRegistry.Doctor.Nodes;
using ClusterRegistry.Doctor.Reporting;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Doctor.Tests;

public sealed class NodeDoctorTests
{
    private static async Task<DoctorReport> DiagnoseAsync(string root, bool spegel = true, DateTimeOffset? now = null)
    {
        var expected = await NodeSnapshot.ReadAsync(new InMemoryNodeReader(LocalNodeView.Files, "node view"), includeIngest: false, CancellationToken.None);
        var request = new DoctorRequest
        {
            Stack = "local",
            Node = "127.0.0.1",
            Expected = expected,
            SpegelDeclared = spegel,
            Clock = now is null ? null : () => now.Value,
        };
        return await NodeDoctor.RunAsync(request, new RootDirectoryReader(root), CancellationToken.None);
    }

    [Fact]
    public async Task NodeViewCopiedAsRootIsHealthy()
    {
        using var tmp = new TempDir("doctor");
        var report = await DiagnoseAsync(LocalNodeView.WriteRoot(tmp.Path));
        Assert.Empty(report.Findings);
        Assert.True(report.Healthy);
    }

    public static TheoryData<string> FaultNames() => new(NodeFaults.All("127.0.0.105", "io.containerd.cri.v1.images").Select(f => f.Name));

    [Theory]
    [MemberData(nameof(FaultNames))]
    public async Task EachFaultGivesExactlyItsFinding(string name)
    {
        var fault = NodeFaults.All("127.0.0.105", "io.containerd.cri.v1.images").Single(f => f.Name == name);
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        fault.Apply(root);

        var report = await DiagnoseAsync(root);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(fault.ExpectedId, finding.Id);
        Assert.False(string.IsNullOrWhiteSpace(finding.Seen));
        Assert.False(string.IsNullOrWhiteSpace(finding.Why));
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
    }

    [Fact]
    public async Task ReorderedEndpointsNameBothOrders()
    {
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        NodeFaults.All("127.0.0.105", "io.containerd.cri.v1.images").Single(f => f.ExpectedId == "CRG503").Apply(root);

        var f = Assert.Single((await DiagnoseAsync(root)).Findings);

        Assert.Equal("hosts/127.0.0.105", f.Subject);
        Assert.Contains("endpoint order is http://harbor.harbor.svc.cluster.local → http://127.0.0.1:30020 → http://127.0.0.1:30021, expected http://127.0.0.1:30020 → http://127.0.0.1:30021 → http://harbor.harbor.svc.cluster.local", f.Seen);
    }

    [Fact]
    public async Task SchemeServerAndCapabilityChangesAreEachReported()
    {
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        File.WriteAllText(Path.Combine(root, "etc/cri/conf.d/hosts/127.0.0.105/hosts.toml"),
            "server = \"https://127.0.0.105\"\n[host.\"http://127.0.0.1:30020\"]\n  capabilities = [\"pull\", \"resolve\"]\n" +
            "[host.\"http://127.0.0.1:30021\"]\n  capabilities = [\"resolve\", \"pull\"]\n[host.\"https://harbor.harbor.svc.cluster.local\"]\n  capabilities = [\"pull\"]\n");

        var f = Assert.Single((await DiagnoseAsync(root)).Findings);

        Assert.Equal("CRG503", f.Id);
        Assert.Contains("http://harbor.harbor.svc.cluster.local uses https://, expected http://", f.Seen);
        Assert.Contains("capabilities of http://harbor.harbor.svc.cluster.local are [pull], expected [pull, resolve]", f.Seen);
        Assert.Contains("server = 'https://127.0.0.105', expected 'http://127.0.0.105'", f.Seen);
        Assert.DoesNotContain("order", f.Seen); // same order, capability order and quoting style do not count
    }

    [Fact]
    public async Task UnparsableHostsTomlIsReported()
    {
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        File.WriteAllText(Path.Combine(root, "etc/cri/conf.d/hosts/docker.io/hosts.toml"), "server = \n");

        var f = Assert.Single((await DiagnoseAsync(root)).Findings);

        Assert.Equal("CRG503", f.Id);
        Assert.Contains("does not parse", f.Seen);
    }

    [Fact]
    public async Task FreshIngestIsNotStale()
    {
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        var dir = Path.Combine(root, "var/lib/containerd/io.containerd.content.v1.content/ingest/abc");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "data"), "x");

        Assert.Empty((await DiagnoseAsync(root)).Findings);
        // The same ingest seen six minutes later is stale.
        var later = await DiagnoseAsync(root, now: DateTimeOffset.UtcNow.AddMinutes(6));
        Assert.Equal("CRG506", Assert.Single(later.Findings).Id);
    }

    [Fact]
    public async Task DiscardUnpackedLayersIsOnlyAFindingUnderSpegel()
    {
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        NodeFaults.All("127.0.0.105", "io.containerd.cri.v1.images").Single(f => f.ExpectedId == "CRG507").Apply(root);

        Assert.Empty((await DiagnoseAsync(root, spegel: false)).Findings);
    }

    [Fact]
    public async Task ContainerdOnePointSixKeysAreRead()
    {
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        // The sandbox's containerd 1.6 reads the same auth under the grpc.v1.cri plugin.
        File.WriteAllText(Path.Combine(root, "etc/cri/conf.d/cri.toml"),
            "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n  discard_unpacked_layers = true\n" +
            "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/x/etc/cri/conf.d/hosts\"\n" +
            "[plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"harbor.harbor.svc.cluster.local\".auth]\n  username = \"robot$cluster-pull\"\n  password = \"s3cret-value\"\n" +
            "[plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"127.0.0.105\".auth]\n  username = \"robot$cluster-pull\"\n  password = \"s3cret-value\"\n");

        var report = await DiagnoseAsync(root);

        Assert.Equal("CRG507", Assert.Single(report.Findings).Id);
        Assert.DoesNotContain("s3cret-value", DoctorJsonWriter.ToJson(report));
    }

    [Fact]
    public async Task AMissingHostsFolderGivesOneFindingPerDeclaredDir()
    {
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        Directory.Delete(Path.Combine(root, "etc/cri/conf.d/hosts"), recursive: true);

        var report = await DiagnoseAsync(root);

        Assert.Equal(new[] { "CRG501 hosts/127.0.0.105", "CRG501 hosts/docker.io" }, report.Findings.Select(f => f.Id + " " + f.Subject));
        Assert.All(report.Findings, f => Assert.Contains("no /etc/cri/conf.d/hosts directory at all", f.Seen));
    }

    [Fact]
    public async Task BackupWhoseEndpointsWereNotPrependedIsReported()
    {
        using var tmp = new TempDir("doctor");
        var root = LocalNodeView.WriteRoot(tmp.Path);
        // Spegel without prependExisting: its own file only; Talos's endpoint stays in _backup.
        File.WriteAllText(Path.Combine(root, "etc/cri/conf.d/hosts/127.0.0.105/hosts.toml"),
            "server = 'http://127.0.0.105'\n\n[host.'http://127.0.0.1:30020']\ncapabilities = ['pull', 'resolve']\n\n[host.'http://127.0.0.1:30021']\ncapabilities = ['pull', 'resolve']\n");

        var report = await DiagnoseAsync(root);

        Assert.Equal(new[] { "CRG503", "CRG508" }, report.Findings.Select(f => f.Id));
        Assert.Contains("lacks http://harbor.harbor.svc.cluster.local", report.Findings[1].Seen);
    }

    [Fact]
    public void NotARootCannotBeInspected()
    {
        using var tmp = new TempDir("doctor");
        Assert.Throws<NodeInspectionException>(() => new RootDirectoryReader(Path.Combine(tmp.Path, "nope")));
        var e = Assert.ThrowsAsync<NodeInspectionException>(() => DiagnoseAsync(tmp.Path)).Result;
        Assert.Contains("not a node root", e.Message);
    }
}
