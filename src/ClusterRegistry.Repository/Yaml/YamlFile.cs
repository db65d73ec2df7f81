using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Yaml;

/// <summary>A parsed YAML file: its documents (roots), its text lines (for block-scalar columns) and whether SOPS encrypted it.</summary>
public sealed class YamlFile
{
    public YamlFile(string path, string text, IReadOnlyList<YamlNode> documents)
    {
        Path = path;
        Text = text;
        Documents = documents;
        IsSopsEncrypted = documents.Any(d => d is YamlMappingNode m && YamlNav.Get(m, "sops") is YamlMappingNode s && (YamlNav.Get(s, "mac") is not null || YamlNav.Get(s, "lastmodified") is not null));
    }

    /// <summary>Repository-relative path.</summary>
    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<YamlNode> Documents { get; }

    /// <summary>
    /// True when the file carries SOPS metadata. Its keys are in clear (SOPS encrypts values only), so its structure is
    /// read; every value that is <c>ENC[…]</c> is unknown. Nothing is ever decrypted.
    /// </summary>
    public bool IsSopsEncrypted { get; }
}
