namespace ClusterRegistry;

/// <summary>How a Helm chart (Harbor, Spegel) reaches the cluster.</summary>
public enum ReleaseDelivery
{
    /// <summary>Flux source (HelmRepository/OCIRepository) and HelmRelease objects; Flux's helm-controller installs the chart (the seed's way).</summary>
    Flux,

    /// <summary>A direct Helm install by the deploying engine (Pulumi <c>kubernetes:helm.sh/v3:Release</c>), for clusters without Flux.</summary>
    Helm,
}
