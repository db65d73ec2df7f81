using System.Runtime.CompilerServices;

namespace ClusterRegistry.Probes;

/// <summary>A post-deploy measurement: pull <see cref="PullLatencyProbeArgs.Image"/> cold and fail when over budget.</summary>
public sealed class PullLatencyProbe : Resource
{
    public PullLatencyProbe(string name, PullLatencyProbeArgs args, [CallerFilePath] string sourceFile = "", [CallerLineNumber] int sourceLine = 0)
        : base(name, sourceFile, sourceLine)
    {
        Args = args ?? throw new StackDefinitionException(name, "args", "null", "PullLatencyProbeArgs are required");
    }

    public PullLatencyProbeArgs Args { get; }
}
