namespace ClusterRegistry.Rendering.Containerd;

/// <summary>containerd would fail to parse this hosts.toml (and fall back to certificate-file discovery).</summary>
public sealed class HostsTomlException(string message, Exception? inner = null) : Exception(message, inner);
