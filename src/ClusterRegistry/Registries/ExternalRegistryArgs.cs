namespace ClusterRegistry.Registries;

/// <summary>Inputs of a registry that runs outside the cluster.</summary>
public sealed class ExternalRegistryArgs
{
    /// <summary>
    /// The URL clients use, <c>scheme://host[:port]</c> (e.g. <c>https://harbor.example.com</c>): its host[:port] is what image
    /// references, Talos mirror keys and auth keys name, its scheme what mirror endpoints must use.
    /// </summary>
    public string Url { get; set; } = "";

    /// <summary>What serves the registry (Harbor by default).</summary>
    public ExternalRegistryKind Kind { get; set; } = ExternalRegistryKind.Harbor;

    /// <summary>The projects nodes pull from, for <see cref="ExternalRegistryKind.Harbor"/> (public or not, proxy cache or not).</summary>
    public List<ExternalRegistryProject> Projects { get; } = new();

    /// <summary>
    /// Whether the registry serves pulls without credentials. Null: the model does not know (for a Harbor it then judges by
    /// <see cref="Projects"/>, and rules that need to know stay silent); false: node auth is required for every pull.
    /// </summary>
    public bool? AnonymousPull { get; set; }
}
