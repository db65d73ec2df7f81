namespace ClusterRegistry;

/// <summary>
/// A Flux <c>valuesFrom</c> entry: chart values kept in a ConfigMap or Secret that something else manages (a kustomize
/// configMapGenerator, SOPS, an ExternalSecret). Flux merges them under the release's own values, so typed properties still
/// win; what they hold is not visible to the rules.
/// </summary>
public sealed class HelmValuesReference
{
    /// <summary><c>ConfigMap</c> or <c>Secret</c>.</summary>
    public string Kind { get; set; } = "ConfigMap";

    /// <summary>The object's name, in the release's namespace.</summary>
    public string Name { get; set; } = "";

    /// <summary>The data key holding the values (Flux's default: <c>values.yaml</c>).</summary>
    public string? ValuesKey { get; set; }

    /// <summary>Where in the values the content goes (null: the root).</summary>
    public string? TargetPath { get; set; }

    /// <summary>Do not fail the release when the object or key is missing.</summary>
    public bool Optional { get; set; }
}
