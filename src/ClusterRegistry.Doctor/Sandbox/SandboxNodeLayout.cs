namespace ClusterRegistry.Doctor.Sandbox;

/// <summary>
/// Where a sandbox node keeps its files: a directory laid out like a Talos node's root, so <c>doctor --root</c> reads the
/// real containerd state: <c>etc/cri/conf.d/hosts/</c> (containerd's config_path), <c>etc/cri/conf.d/cri.toml</c> (here
/// the containerd config itself, with the CRI auth), <c>etc/hosts</c> (bind-mounted over /etc/hosts in containerd's mount
/// namespace), <c>var/lib/containerd</c> (root), <c>run/containerd</c> (state and socket).
/// </summary>
public sealed record SandboxNodeLayout(string Root)
{
    public string HostsDirectory => Path.Combine(Root, "etc/cri/conf.d/hosts");

    public string CriToml => Path.Combine(Root, "etc/cri/conf.d/cri.toml");

    public string EtcHosts => Path.Combine(Root, "etc/hosts");

    public string ContainerdRoot => Path.Combine(Root, "var/lib/containerd");

    public string ContainerdState => Path.Combine(Root, "run/containerd");

    public string Socket => Path.Combine(ContainerdState, "containerd.sock");

    /// <summary>The same folders in the form the containerd 1.6 translator takes.</summary>
    public Containerd16Paths ToContainerdPaths() => new(ContainerdRoot, ContainerdState, Socket, HostsDirectory, CriToml);
}
