namespace ClusterRegistry.Doctor.Sandbox;

/// <summary>Where Talos leaves registry configuration on a node (siderolabs/talos
/// internal/pkg/containers/cri/containerd/hosts.go,
/// internal/app/machined/pkg/controllers/files/cri_config.go).</summary>
public static class NodeFilePaths
{
    /// <summary>containerd's <c>config_path</c> on Talos: one <c>&lt;host dir&gt;/hosts.toml</c> per mirrored registry.</summary>
    public const string HostsDirectory = "/etc/cri/conf.d/hosts";

    /// <summary>The merged CRI config holding registry auth (containerd 2.x key <c>io.containerd.cri.v1.images</c>).</summary>
    public const string CriToml = "/etc/cri/conf.d/cri.toml";

    public const string EtcHosts = "/etc/hosts";
}
