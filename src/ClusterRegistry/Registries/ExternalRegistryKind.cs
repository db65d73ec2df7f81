namespace ClusterRegistry.Registries;

/// <summary>What serves an <see cref="ExternalRegistry"/>: decides which of the model's registry concepts apply to it.</summary>
public enum ExternalRegistryKind
{
    /// <summary>Harbor outside the cluster (a VM, another cluster): projects, proxy-cache projects and robot logins apply.</summary>
    Harbor,

    /// <summary>zot (project-zot/zot): OCI-native, no projects; auth only when its <c>accessControl</c> is configured.</summary>
    Zot,

    /// <summary>CNCF distribution (<c>registry:2</c>/<c>registry:3</c>): no projects; auth only when htpasswd or token auth is configured.</summary>
    Distribution,

    /// <summary>A cloud registry (ECR, GAR, ACR, GHCR, …): no Harbor projects; pull credentials are the provider's.</summary>
    Cloud,
}
