namespace ClusterRegistry.Talos;

/// <summary>Per-endpoint-host settings: auth and TLS. Keyed by the host[:port] containerd actually dials.</summary>
public sealed class TalosRegistryConfig
{
    public TalosRegistryAuth? Auth { get; set; }

    public TalosRegistryTls? Tls { get; set; }
}
