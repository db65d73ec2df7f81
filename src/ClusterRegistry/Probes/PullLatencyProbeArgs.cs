namespace ClusterRegistry.Probes;

/// <summary>Inputs of a post-deploy pull-latency probe.</summary>
public sealed class PullLatencyProbeArgs
{
    /// <summary>The image to pull, as pods reference it, e.g. <c>192.168.1.105/library/myapp:v1</c>.</summary>
    public string Image { get; set; } = "";

    /// <summary>The budget a cold pull must stay within ("~40 MB in under 1 s").</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Expected compressed image size in bytes, when known.</summary>
    public long? ExpectedSizeBytes { get; set; }

    /// <summary>Declared link speed between a node and the registry, in megabits per second (CRG402).</summary>
    public double? LinkMegabitsPerSecond { get; set; }

    /// <summary>Nodes the probe runs on (empty: every node of the stack's Talos patches).</summary>
    public List<string> Nodes { get; } = new();

    /// <summary>How the probe pulls: <c>cri</c> (kubelet's path, default), <c>registry</c> or <c>kubernetes</c>.</summary>
    public string Via { get; set; } = "cri";

    /// <summary>Per-pull timeout; a probe never hangs.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
}
