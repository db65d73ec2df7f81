namespace ClusterRegistry.Charts;

/// <summary>
/// <c>postRenderers[].kustomize.images[]</c>: replace an image the chart renders, by its tag-less <see cref="Name"/>, with
/// a new name, tag or digest (e.g. the same image through a pull-through cache project).
/// </summary>
public sealed class KustomizeImage
{
    /// <summary><c>name</c> (required): the tag-less image name as the chart writes it, e.g. <c>goharbor/harbor-core</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>newName</c>: the replacement name, e.g. <c>harbor.example.com/dockerhub/goharbor/harbor-core</c>.</summary>
    public string? NewName { get; set; }

    /// <summary><c>newTag</c>: the replacement tag.</summary>
    public string? NewTag { get; set; }

    /// <summary><c>digest</c>: the replacement digest, <c>sha256:…</c>; Flux ignores <see cref="NewTag"/> when it is set.</summary>
    public string? Digest { get; set; }
}
