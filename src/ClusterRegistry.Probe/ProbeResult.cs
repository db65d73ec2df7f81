using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe;

/// <summary>What one probe run measured (or why it failed). Serialized by <see cref="Running.ProbeJson"/>.</summary>
public sealed class ProbeResult
{
    public required string Image { get; init; }

    public required ProbeVia Via { get; init; }

    /// <summary>The node the pull ran on (host name for registry/cri, node name for kubernetes).</summary>
    public string Node { get; init; } = "";

    /// <summary>The probe resource this run came from, when run from a stack.</summary>
    public string? ProbeName { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The resolved manifest digest (registry) or the image id/ref the runtime reported (cri).</summary>
    public string? Digest { get; set; }

    /// <summary>Compressed bytes transferred and verified (registry), or the image size the runtime reports (cri, kubernetes).</summary>
    public long Bytes { get; set; }

    /// <summary>Total wall time of the pull, auth included.</summary>
    public double DurationMs { get; set; }

    /// <summary>From the start to the first byte of the first successful manifest response (registry only).</summary>
    public double? TtfbMs { get; set; }

    /// <summary>Time spent in the auth flow (challenge handling and token requests), part of <see cref="DurationMs"/>.</summary>
    public double? AuthMs { get; set; }

    /// <summary>Time until the platform manifest was resolved (registry only).</summary>
    public double? ManifestMs { get; set; }

    /// <summary>Token requests made (0 when cached or not needed).</summary>
    public int TokenRequests { get; set; }

    public double BudgetMs { get; init; }

    public bool WithinBudget => Failure is null && DurationMs <= BudgetMs;

    /// <summary>Bytes ÷ total duration, in MB/s.</summary>
    public double ThroughputMBps => DurationMs > 0 ? Bytes / 1e6 / (DurationMs / 1000.0) : 0;

    public List<LayerMeasurement> Layers { get; } = new();

    /// <summary>Extra facts, e.g. kubelet's "including waiting" time or the runtime's image ref.</summary>
    public SortedDictionary<string, string> Notes { get; } = new(StringComparer.Ordinal);

    public ProbeFailureException? Failure { get; set; }
}
