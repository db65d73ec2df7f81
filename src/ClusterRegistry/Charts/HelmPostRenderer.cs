namespace ClusterRegistry.Charts;

/// <summary>
/// One entry of a Flux HelmRelease's <c>spec.postRenderers</c> (<c>helm.toolkit.fluxcd.io/v2</c>): a kustomize pass over
/// the manifests the chart renders, before helm-controller applies them, for what the chart's values cannot express (an
/// annotation on one object, a container image the chart pins). Rendered as <c>kustomize.patches</c> and
/// <c>kustomize.images</c>; Flux applies post-renderers in order, after the release's own (the ClusterIP pin of a Harbor).
/// See https://fluxcd.io/flux/components/helm/helmreleases/#post-renderers.
/// </summary>
public sealed class HelmPostRenderer
{
    /// <summary><c>kustomize.patches</c>: strategic-merge or JSON 6902 patches, each on the objects its target selects.</summary>
    public List<KustomizePatch> Patches { get; } = new();

    /// <summary><c>kustomize.images</c>: image name, tag or digest replacements.</summary>
    public List<KustomizeImage> Images { get; } = new();
}
