using ClusterRegistry.Doctor.Nodes;
using ClusterRegistry.Doctor.Reporting;
using ClusterRegistry.Probe.Cri;
using ClusterRegistry.Testing.Containerd;

namespace ClusterRegistry.Doctor.Tests;

/// <summary>
/// doctor against real containerd roots: the node view applied by the sandbox machinery, containerd 1.6 running on it
/// (and pulling through it), healthy and with each fault of issue 6 injected.
/// </summary>
public sealed class RealContainerdDoctorTests(SandboxNodeFixture fixture) : IClassFixture<SandboxNodeFixture>
{
    private async Task<DoctorReport> DoctorAsync(string root)
    {
        var request = await StackNodeView.RequestForAsync(fixture.Stack, LoopbackLocalStack.Node, CancellationToken.None);
        return await NodeDoctor.RunAsync(request, new RootDirectoryReader(root), CancellationToken.None);
    }

    [ContainerdFact]
    public async Task SandboxNodeIsHealthyAndPullsThroughTheMirror()
    {
        var (layout, containerd) = await fixture.StartNodeAsync();
        using (containerd)
        {
            using var cri = new CriPuller(containerd.Socket);
            var pull = await cri.PullAsync(fixture.Image, budgetMs: 60_000, LoopbackLocalStack.Node, TimeSpan.FromMinutes(1), cold: true, CancellationToken.None);
            Assert.True(pull.Failure is null, $"{pull.Failure?.Message}\n{containerd.ReadLog()}");

            var report = await DoctorAsync(layout.Root);

            Assert.True(report.Healthy, string.Join("\n", report.Findings));
            // The content store is containerd's own: the pulled layer is there, no download is left in ingest.
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(layout.ContainerdRoot, "io.containerd.content.v1.content/blobs/sha256")));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(layout.ContainerdRoot, "io.containerd.content.v1.content/ingest")));
        }
    }

    public static TheoryData<string> FaultNames() => new(NodeFaults.All("127.0.0.105", "io.containerd.grpc.v1.cri").Select(f => f.Name));

    [ContainerdTheory]
    [MemberData(nameof(FaultNames))]
    public async Task EachFaultGivesExactlyItsFinding(string name)
    {
        var fault = NodeFaults.All("127.0.0.105", "io.containerd.grpc.v1.cri").Single(f => f.Name == name);
        var (layout, containerd) = await fixture.StartNodeAsync();
        using (containerd)
        {
            fault.Apply(layout.Root);

            var report = await DoctorAsync(layout.Root);

            var finding = Assert.Single(report.Findings);
            Assert.Equal(fault.ExpectedId, finding.Id);
            Assert.DoesNotContain(SandboxNodeFixture.Password, DoctorJsonWriter.ToJson(report));
        }
    }
}
