using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Yaml;

/// <summary>Small lookups over YamlDotNet nodes (no exceptions on a wrong shape: a wrong shape is "absent").</summary>
public static class YamlNav
{
    /// <summary>The value under <paramref name="key"/> of a mapping, or null.</summary>
    public static YamlNode? Get(YamlNode? node, string key)
    {
        if (node is not YamlMappingNode m)
        {
            return null;
        }

        foreach (var kv in m.Children)
        {
            if (kv.Key is YamlScalarNode k && k.Value == key)
            {
                return kv.Value;
            }
        }

        return null;
    }

    /// <summary>The value at a path of mapping keys, or null.</summary>
    public static YamlNode? At(YamlNode? node, params string[] path)
    {
        foreach (var p in path)
        {
            node = Get(node, p);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The scalar text, or null when absent or not a scalar.</summary>
    public static string? Text(YamlNode? node) => node is YamlScalarNode s ? s.Value : null;

    /// <summary>The scalar text at a path, or null.</summary>
    public static string? TextAt(YamlNode? node, params string[] path) => Text(At(node, path));

    /// <summary>True when the scalar is YAML null (<c>~</c>, <c>null</c>, empty plain).</summary>
    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null or "" or "~" or "null" or "Null" or "NULL"));

    /// <summary>The entries of a mapping (empty when not one).</summary>
    public static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlNode? node) =>
        node is YamlMappingNode m ? m.Children : Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();

    /// <summary>The items of a sequence (empty when not one).</summary>
    public static IEnumerable<YamlNode> Items(YamlNode? node) =>
        node is YamlSequenceNode s ? s.Children : Enumerable.Empty<YamlNode>();

    /// <summary>True when the text is a SOPS-encrypted value.</summary>
    public static bool IsEncrypted(string? text) => text is not null && text.StartsWith("ENC[", StringComparison.Ordinal);
}
