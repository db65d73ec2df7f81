namespace ClusterRegistry.Charts;

/// <summary>
/// <c>OCIRepository.spec.provider</c>: how Flux's source-controller logs in to the registry holding the chart
/// (https://fluxcd.io/flux/components/source/ocirepositories/#provider).
/// </summary>
public enum OciRepositoryProvider
{
    /// <summary><c>generic</c> (Flux's default): anonymous, or the static credentials of <c>secretRef</c> / <c>serviceAccountName</c>.</summary>
    Generic,

    /// <summary><c>aws</c>: ECR through the node's IAM role or IRSA.</summary>
    Aws,

    /// <summary><c>azure</c>: ACR through Workload Identity or the kubelet's managed identity.</summary>
    Azure,

    /// <summary><c>gcp</c>: GCR / Artifact Registry through OAuth scopes or Workload Identity.</summary>
    Gcp,
}
