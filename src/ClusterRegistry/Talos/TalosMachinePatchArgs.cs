namespace ClusterRegistry.Talos;

/// <summary>Inputs of a Talos machine-config patch applied to a set of nodes.</summary>
public sealed class TalosMachinePatchArgs
{
    /// <summary>Talos version of the nodes, e.g. <c>v1.11</c>: legacy <c>machine.*</c> fields before v1.12, documents after.</summary>
    public string TalosVersion { get; set; } = "v1.11";

    /// <summary>
    /// The form of the registry and host-entry configuration: <see cref="TalosConfigForm.Auto"/> follows the version (documents
    /// from v1.12); <see cref="TalosConfigForm.Legacy"/> keeps <c>machine.registries</c> on any version.
    /// </summary>
    public TalosConfigForm RegistryConfigForm { get; set; } = TalosConfigForm.Auto;

    /// <summary>Node IPs the patch is applied to.</summary>
    public List<string> Nodes { get; } = new();

    /// <summary>Mirrors keyed by registry host as it appears in image references (<c>host[:port]</c> or <c>*</c>).</summary>
    public Dictionary<string, TalosMirror> Mirrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Auth and TLS keyed by the endpoint host[:port] containerd dials.</summary>
    public Dictionary<string, TalosRegistryConfig> RegistryConfig { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra <c>/etc/hosts</c> entries (containerd runs on the host and cannot resolve Service names).</summary>
    public List<TalosHostEntry> ExtraHostEntries { get; } = new();

    /// <summary><c>machine.files</c> entries.</summary>
    public List<TalosFile> Files { get; } = new();

    /// <summary>CRI customisations (CRICustomizationConfig from v1.14, the 20-customization.part file before).</summary>
    public List<TalosCriCustomization> CriCustomizations { get; } = new();

    /// <summary>How a deploying engine (Pulumi) applies the patch to each node; <c>talosctl patch machineconfig</c> by default, as in the seed.</summary>
    public TalosApplyMethod ApplyMethod { get; set; } = TalosApplyMethod.TalosctlPatch;
}
