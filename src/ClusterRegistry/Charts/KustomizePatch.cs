namespace ClusterRegistry.Charts;

/// <summary>
/// <c>postRenderers[].kustomize.patches[]</c>: an inline patch, either a strategic-merge patch (a partial object that names
/// its own kind and name) or a JSON 6902 patch (a list of operations, which needs a <see cref="Target"/>).
/// </summary>
public sealed class KustomizePatch
{
    /// <summary><c>patch</c>: the patch text, YAML, e.g. <c>- op: add\npath: /metadata/annotations/x\nvalue: y</c>.</summary>
    public string Patch { get; set; } = "";

    /// <summary><c>target</c>: the objects the patch applies to (null: a strategic-merge patch finds its object by its own kind and name).</summary>
    public KustomizePatchTarget? Target { get; set; }
}
