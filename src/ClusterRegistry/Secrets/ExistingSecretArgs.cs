namespace ClusterRegistry;

/// <summary>Inputs of an <see cref="ExistingSecret"/>.</summary>
public sealed class ExistingSecretArgs
{
    /// <summary>The Kubernetes Secret's namespace (chart values reference Secrets of the release's namespace).</summary>
    public string Namespace { get; set; } = "";

    /// <summary>The Secret's <c>metadata.name</c>; defaults to the resource name.</summary>
    public string? SecretName { get; set; }

    /// <summary>What creates the Secret.</summary>
    public SecretManager ManagedBy { get; set; } = SecretManager.ExternalSecret;

    /// <summary>
    /// The data keys the Secret carries (e.g. the <c>target.template.data</c> keys of an ExternalSecret). Empty: not
    /// known, and no rule judges keys against it; listed: CRG309 reports a chart value naming a key that is not here.
    /// </summary>
    public List<string> Keys { get; } = new();
}
