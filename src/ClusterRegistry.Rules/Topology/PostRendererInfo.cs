namespace ClusterRegistry.Rules.Topology;

/// <summary>One <c>HelmPostRenderer</c> (a HelmRelease's <c>spec.postRenderers[]</c>, its <c>kustomize</c> part).</summary>
public sealed class PostRendererInfo
{
    public ValList<KustomizePatchInfo> Patches { get; set; } = new();

    public ValList<KustomizeImageInfo> Images { get; set; } = new();

    /// <summary>Where the post-renderer is written (the <c>new HelmPostRenderer</c>, or the list item in the HelmRelease).</summary>
    public object? Location { get; set; }

    /// <summary>The entry's index in the list the stack wrote (a null entry before it is left out of the list, so the position differs).</summary>
    public int? Index { get; set; }
}

/// <summary>One <c>KustomizePatch</c> (<c>kustomize.patches[]</c>).</summary>
public sealed class KustomizePatchInfo
{
    public Val<string> Patch { get; set; } = "";

    public Val<PatchTargetInfo?> Target { get; set; } = Val<PatchTargetInfo?>.Known(null);

    public object? Location { get; set; }

    /// <summary>The entry's index in the list the stack wrote (a null entry before it is left out of the list, so the position differs).</summary>
    public int? Index { get; set; }
}

/// <summary>A <c>KustomizePatchTarget</c> (<c>kustomize.patches[].target</c>).</summary>
public sealed class PatchTargetInfo
{
    public Val<string?> Group { get; set; } = Val<string?>.Known(null);

    public Val<string?> Version { get; set; } = Val<string?>.Known(null);

    public Val<string?> Kind { get; set; } = Val<string?>.Known(null);

    public Val<string?> Name { get; set; } = Val<string?>.Known(null);

    public Val<string?> Namespace { get; set; } = Val<string?>.Known(null);

    public Val<string?> LabelSelector { get; set; } = Val<string?>.Known(null);

    public Val<string?> AnnotationSelector { get; set; } = Val<string?>.Known(null);

    public object? Location { get; set; }

    /// <summary>Every field, in the CRD's order.</summary>
    public Val<string?>[] Fields => new[] { Group, Version, Kind, Name, Namespace, LabelSelector, AnnotationSelector };
}

/// <summary>One <c>KustomizeImage</c> (<c>kustomize.images[]</c>).</summary>
public sealed class KustomizeImageInfo
{
    public Val<string> Name { get; set; } = "";

    public Val<string?> NewName { get; set; } = Val<string?>.Known(null);

    public Val<string?> NewTag { get; set; } = Val<string?>.Known(null);

    public Val<string?> Digest { get; set; } = Val<string?>.Known(null);

    public object? Location { get; set; }

    /// <summary>The entry's index in the list the stack wrote (a null entry before it is left out of the list, so the position differs).</summary>
    public int? Index { get; set; }
}
