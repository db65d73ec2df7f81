namespace ClusterRegistry.Harbor;

/// <summary>Inputs of a Harbor project.</summary>
public sealed class HarborProjectArgs
{
    /// <summary>The Harbor installation that holds the project.</summary>
    public HarborRegistry? Registry { get; set; }

    /// <summary>The project name in Harbor; defaults to the resource name.</summary>
    public string? ProjectName { get; set; }

    /// <summary>Public projects allow anonymous pulls (after a 401 and an anonymous token). Harbor's default is private.</summary>
    public bool Public { get; set; }

    /// <summary>
    /// Make the project a proxy cache of an upstream registry (null: a normal project). A private proxy-cache project needs
    /// node auth on the Harbor host: on a 401 containerd moves to the next host, so pulls silently go upstream (CRG308).
    /// </summary>
    public HarborProxyCacheArgs? ProxyCache { get; set; }

    /// <summary>Storage quota in GiB; null means unlimited.</summary>
    public int? StorageQuotaGiB { get; set; }
}
