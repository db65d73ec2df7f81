using BenchmarkDotNet.Attributes;
using ClusterRegistry.Rendering;

namespace ClusterRegistry.Benchmarks.Synth;

/// <summary>
/// synth --target all on a generated stack with 50 mirrored registries and 50/500/5000 nodes, into memory (the
/// <see cref="RenderedTree"/> the verb then writes): validation, the GitOps tree and every node's view.
/// </summary>
[MemoryDiagnoser]
public class SynthBenchmarks
{
    private Stack stack = null!;

    [Params(50, 500, 5000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        stack = Stack.Build(() => new GeneratedStack(Nodes, 50));
        var tree = Synthesizer.Synthesize(stack, SynthTarget.All);
        var perNode = tree.Keys.Count(k => k.StartsWith("nodes/10.20.0.0/", StringComparison.Ordinal));
        if (perNode < 50 || tree.Keys.Count(k => k.StartsWith("nodes/", StringComparison.Ordinal)) != perNode * Nodes)
        {
            throw new InvalidOperationException($"unexpected tree: {tree.Count} files, {perNode} per node");
        }
    }

    [Benchmark(Description = "synth all, 50 registries")]
    public int SynthAll() => Synthesizer.Synthesize(stack, SynthTarget.All).Count;
}
