namespace ClusterRegistry.Rules.Topology;

/// <summary>A <c>PullLatencyProbe</c>.</summary>
public sealed class ProbeInfo : ResourceInfo
{
    public override string Kind => "PullLatencyProbe";

    public Val<string> Image { get; set; } = "";

    /// <summary><c>Budget</c> in seconds (default 1).</summary>
    public Val<double> BudgetSeconds { get; set; } = 1.0;

    public Val<long?> ExpectedSizeBytes { get; set; } = Val<long?>.Known(null);

    public Val<double?> LinkMegabitsPerSecond { get; set; } = Val<double?>.Known(null);

    /// <summary><c>Nodes</c> the probe runs on (empty: every node of the stack's Talos patches).</summary>
    public ValList<Val<string>> Nodes { get; set; } = new();
}
