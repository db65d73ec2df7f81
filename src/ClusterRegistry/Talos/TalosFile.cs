namespace ClusterRegistry.Talos;

/// <summary>How a <see cref="TalosFile"/> is written.</summary>
public enum TalosFileOp
{
    Create,
    Append,
    Overwrite,
}

/// <summary>A <c>machine.files</c> entry. <c>/etc/cri/conf.d/20-customization.part</c> is the CRI customisation.</summary>
public sealed class TalosFile
{
    /// <summary>The CRI customisation path Talos merges into cri.toml (before v1.14).</summary>
    public const string CriCustomizationPath = "/etc/cri/conf.d/20-customization.part";

    public string Path { get; set; } = "";

    public string Content { get; set; } = "";

    public TalosFileOp Op { get; set; } = TalosFileOp.Create;

    /// <summary>Octal permissions, e.g. <c>0b110_100_100</c> (0o644); null leaves Talos's default.</summary>
    public int? Permissions { get; set; }
}
