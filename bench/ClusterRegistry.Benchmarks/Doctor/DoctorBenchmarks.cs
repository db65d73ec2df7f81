using BenchmarkDotNet.Attributes;
using ClusterRegistry.Doctor;
using ClusterRegistry.Doctor.Nodes;
using ClusterRegistry.Rendering;
using ClusterRegistry.Rendering.NodeView;
using Stacks;

namespace ClusterRegistry.Benchmarks.Doctor;

/// <summary>
/// doctor on a node root with 50 registries (issue 6 budget: under 200 ms). <see cref="FullRun"/> is what the verb does
/// after start-up: render the stack's node view, read the node root, run CRG501–CRG508.
/// </summary>
[MemoryDiagnoser]
public class DoctorBenchmarks
{
    private Stack stack = null!;
    private string root = null!;
    private DoctorRequest request = null!;
    private NodeSnapshot actual = null!;

    [GlobalSetup]
    public void Setup()
    {
        stack = Stack.Build(() => new FiftyRegistryStack());
        root = Path.Combine(Path.GetTempPath(), $"doctor-bench-{Environment.ProcessId}");
        FileTreeWriter.WriteAtomically(NodeViewRenderer.RenderNode(stack, FiftyRegistryStack.Node), root);
        var ingest = Path.Combine(root, "var/lib/containerd/io.containerd.content.v1.content/ingest");
        for (var i = 0; i < 5; i++)
        {
            Directory.CreateDirectory(Path.Combine(ingest, $"ingest-{i}"));
            File.WriteAllText(Path.Combine(ingest, $"ingest-{i}", "data"), "x");
        }

        request = StackNodeView.RequestForAsync(stack, FiftyRegistryStack.Node, CancellationToken.None).GetAwaiter().GetResult();
        actual = NodeSnapshot.ReadAsync(new RootDirectoryReader(root), includeIngest: true, CancellationToken.None).GetAwaiter().GetResult();
        var report = NodeDoctor.Diagnose(request, actual, DateTimeOffset.UtcNow);
        if (!report.Healthy || actual.HostsDirs!.Count < FiftyRegistryStack.Registries)
        {
            throw new InvalidOperationException($"benchmark root is not a healthy {FiftyRegistryStack.Registries}-registry node: {string.Join("; ", report.Findings)}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(root, recursive: true);

    [Benchmark(Description = "doctor, 50 registries: render view + read root + CRG501-508")]
    public async Task<bool> FullRun()
    {
        var req = await StackNodeView.RequestForAsync(stack, FiftyRegistryStack.Node, CancellationToken.None);
        var report = await NodeDoctor.RunAsync(req, new RootDirectoryReader(root), CancellationToken.None);
        return report.Healthy;
    }

    [Benchmark(Description = "read a 50-registry node root")]
    public async Task<int> ReadRoot() =>
        (await NodeSnapshot.ReadAsync(new RootDirectoryReader(root), includeIngest: true, CancellationToken.None)).HostsDirs!.Count;

    [Benchmark(Description = "CRG501-508 on read snapshots")]
    public bool ChecksOnly() => NodeDoctor.Diagnose(request, actual, DateTimeOffset.UtcNow).Healthy;
}
