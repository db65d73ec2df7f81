namespace ClusterRegistry.Rendering.Containerd;

/// <summary>The containerd release line whose hosts.toml semantics to follow.</summary>
public enum ContainerdLine
{
    /// <summary>1.6.x (the Debian package here): no <c>referrers</c>, no <c>dial_timeout</c>, and a file without a
    /// <c>[host]</c> table fails to parse ("invalid `host` tree"), so the directory falls back to certificate discovery.</summary>
    V1_6,

    /// <summary>1.7.x: like 1.6 except that a file without <c>[host]</c> keeps its <c>server</c> entry.</summary>
    V1_7,

    /// <summary>2.x (Talos ≥ 1.8): <c>referrers</c> capability and <c>dial_timeout</c>.</summary>
    V2,
}

/// <summary>containerd's host capabilities (bit values as in <c>docker.HostCapabilities</c>).</summary>
[Flags]
public enum HostCapabilities
{
    None = 0,
    Pull = 1,
    Resolve = 2,
    Push = 4,
    Referrers = 8,
}
