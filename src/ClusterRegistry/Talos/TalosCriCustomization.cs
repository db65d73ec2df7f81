namespace ClusterRegistry.Talos;

/// <summary>
/// A containerd CRI customisation: a <c>CRICustomizationConfig</c> document from Talos v1.14, rendered as the
/// <c>machine.files</c> entry <see cref="TalosFile.CriCustomizationPath"/> for older versions.
/// </summary>
public sealed class TalosCriCustomization
{
    /// <summary>Document name (v1.14+); <c>customization</c> is reserved by Talos.</summary>
    public string Name { get; set; } = "";

    /// <summary>TOML content merged into cri.toml.</summary>
    public string Content { get; set; } = "";

    /// <summary>The customisation Spegel needs on Talos ≥ 1.8: keep unpacked layers so peers can serve them.</summary>
    public static TalosCriCustomization SpegelKeepUnpackedLayers() => new()
    {
        Name = "spegel",
        Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n",
    };
}
