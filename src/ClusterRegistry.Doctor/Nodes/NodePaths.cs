namespace ClusterRegistry.Doctor.Nodes;

/// <summary>Where Talos and containerd keep what doctor reads (siderolabs/talos
/// internal/pkg/containers/cri/containerd/hosts.go,
/// internal/app/machined/pkg/controllers/files/cri_config.go).</summary>
public static class NodePaths
{
    /// <summary>containerd's <c>config_path</c> on Talos: one directory per registry with a <c>hosts.toml</c>.</summary>
    public const string HostsDir = "/etc/cri/conf.d/hosts";

    /// <summary>Where Spegel moves what it found in <see cref="HostsDir"/> on its first start.</summary>
    public const string BackupDir = HostsDir + "/_backup";

    /// <summary>The merged CRI configuration with the registry auth (plaintext credentials: never printed).</summary>
    public const string CriToml = "/etc/cri/conf.d/cri.toml";

    /// <summary>The node's hosts file (Talos extraHostEntries / StaticHostConfig land here).</summary>
    public const string EtcHosts = "/etc/hosts";

    /// <summary>containerd's in-progress downloads.</summary>
    public const string Ingest = "/var/lib/containerd/io.containerd.content.v1.content/ingest";

    /// <summary>The file containerd reads in a registry directory.</summary>
    public const string HostsToml = "hosts.toml";
}
