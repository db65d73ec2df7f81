using ClusterRegistry.Probe.Oci;

namespace ClusterRegistry.Probe.Running;

/// <summary>One probe to run: what to pull, through which path, against which budget.</summary>
public sealed class ProbeRequest
{
    public required string Image { get; init; }

    public ProbeVia Via { get; init; } = ProbeVia.Registry;

    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The PullLatencyProbe resource this came from, when run from a stack.</summary>
    public string? ProbeName { get; init; }

    /// <summary>The node label recorded with the result (registry/cri); defaults to this machine's host name.</summary>
    public string Node { get; init; } = Environment.MachineName;

    /// <summary>Registry mode: endpoint, credentials, platform, parallelism, TLS.</summary>
    public RegistryPullOptions Registry { get; init; } = new();

    /// <summary>CRI mode: the runtime's socket.</summary>
    public string Socket { get; init; } = "/run/containerd/containerd.sock";

    /// <summary>CRI mode: remove the image first (a cold pull). False measures what a present image costs.</summary>
    public bool Cold { get; init; } = true;

    /// <summary>Kubernetes mode: nodes to run on (empty: every node the API lists).</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    public string Namespace { get; init; } = "default";

    public string? Kubeconfig { get; init; }
}
