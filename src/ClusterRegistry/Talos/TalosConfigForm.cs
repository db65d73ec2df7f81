namespace ClusterRegistry.Talos;

/// <summary>Which form the registry mirrors, registry auth/TLS and host entries of a <see cref="TalosMachinePatch"/> take.</summary>
public enum TalosConfigForm
{
    /// <summary>The form the Talos version prefers: legacy <c>machine.*</c> fields before v1.12, documents from v1.12.</summary>
    Auto,

    /// <summary>
    /// <c>machine.registries</c> and <c>machine.network.extraHostEntries</c> on every version. Talos still honours them after
    /// deprecating them in v1.12 (and does not warn), so a repository that keeps this form on v1.12+ can say so; the JSON
    /// schemas of v1.12+ no longer list these fields.
    /// </summary>
    Legacy,

    /// <summary><c>RegistryMirrorConfig</c>/<c>RegistryAuthConfig</c>/<c>RegistryTLSConfig</c>/<c>StaticHostConfig</c> documents (Talos v1.12+ only).</summary>
    Documents,
}
