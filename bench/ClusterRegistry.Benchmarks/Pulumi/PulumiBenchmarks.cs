using BenchmarkDotNet.Attributes;
using ClusterRegistry.Pulumi;
using ClusterRegistry.Pulumi.Diff;
using Stacks;

namespace ClusterRegistry.Benchmarks.Pulumi;

/// <summary>
/// The in-process part of the Pulumi path, without process start-up (bench/pulumi/run.sh measures the whole command):
/// emitting the program for homelab and a 500-node stack, and the offline diff of two 500-node stacks rendered as the
/// Markdown PR comment. Budgets (whole command): compile under 300 ms, diff under 1 s.
/// </summary>
[MemoryDiagnoser]
public class PulumiBenchmarks
{
    private readonly PulumiProgramEmitter emitter = new();
    private Stack homelab = null!;
    private Stack bench = null!;
    private ProgramSnapshot baseSnapshot = null!;
    private ProgramSnapshot headSnapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        homelab = StackDirectory.Catalog.Build("homelab");
        bench = Stack.Build(() => new BenchStack(500));
        var before = Stack.Build(() => new BenchStack(500, asBase: true));
        baseSnapshot = new ProgramSnapshot("bench-500", emitter.Emit(before).ToJsonObject(), null, "base");
        headSnapshot = new ProgramSnapshot("bench-500", emitter.Emit(bench).ToJsonObject(), null, "head");
        var report = TopologyDiff.Compare(baseSnapshot, headSnapshot);
        if (report.Changes.Count < 500)
        {
            throw new InvalidOperationException($"the bench stacks should differ on every node, got {report.Changes.Count} changes");
        }
    }

    [Benchmark(Baseline = true)]
    public string CompileHomelab() => emitter.Emit(homelab).ToJson();

    [Benchmark]
    public string Compile500Nodes() => emitter.Emit(bench).ToJson();

    [Benchmark]
    public string DiffMarkdown500Nodes() => DiffFormatter.Markdown(TopologyDiff.Compare(baseSnapshot, headSnapshot));
}
