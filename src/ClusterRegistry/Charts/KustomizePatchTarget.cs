namespace ClusterRegistry.Charts;

/// <summary>
/// <c>postRenderers[].kustomize.patches[].target</c>: a kustomize selector over the chart's objects; every field given must
/// match. At least one is needed: a selector with none matches every object.
/// </summary>
public sealed class KustomizePatchTarget
{
    /// <summary><c>group</c>: the API group, e.g. <c>apps</c> (empty for the core group).</summary>
    public string? Group { get; set; }

    /// <summary><c>version</c>: the API version, e.g. <c>v1</c>.</summary>
    public string? Version { get; set; }

    /// <summary><c>kind</c>, e.g. <c>Deployment</c>.</summary>
    public string? Kind { get; set; }

    /// <summary><c>name</c>: the object's name (a regular expression in kustomize).</summary>
    public string? Name { get; set; }

    /// <summary><c>namespace</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary><c>labelSelector</c>: a Kubernetes label selector expression, e.g. <c>app.kubernetes.io/component=core</c>.</summary>
    public string? LabelSelector { get; set; }

    /// <summary><c>annotationSelector</c>: the same expression over annotations.</summary>
    public string? AnnotationSelector { get; set; }
}
