using ClusterRegistry.Repository.Yaml;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Flux;

/// <summary>One source of a release's values: <c>spec.values</c>, or one <c>valuesFrom</c> entry (possibly unknown).</summary>
public sealed class ValuesLayer
{
    /// <summary>The values tree (a mapping), or the single value of a <c>targetPath</c> entry; null when unknown.</summary>
    public YamlNode? Root { get; init; }

    public ReadContext? Context { get; init; }

    /// <summary>Dotted Helm path the layer sets (valuesFrom <c>targetPath</c>), or null for a whole tree.</summary>
    public string[]? TargetPath { get; init; }

    /// <summary>The layer exists but its content cannot be read (encrypted Secret, object not in the repository).</summary>
    public bool IsUnknown => Root is null;

    /// <summary>The <c>valuesFrom</c> entry the layer comes from (null for <c>spec.values</c>), for import.</summary>
    public ClusterRegistry.HelmValuesReference? Reference { get; init; }

    /// <summary>What the layer is, for notices: <c>spec.values</c>, <c>ConfigMap/spegel-values</c>.</summary>
    public string Description { get; init; } = "";
}

/// <summary>What a values lookup found.</summary>
public enum ValuesHitKind
{
    /// <summary>No layer sets the key: the chart default applies.</summary>
    Absent,

    /// <summary>A layer sets it.</summary>
    Found,

    /// <summary>A layer that may set it cannot be read: the value is unknown.</summary>
    Unknown,
}

/// <summary>The result of <see cref="HelmValues.Lookup"/>.</summary>
public readonly record struct ValuesHit(ValuesHitKind Kind, YamlNode? Node, ReadContext? Context);

/// <summary>
/// A HelmRelease's values as Flux computes them (helm-controller <c>chartutil.ChartValuesFromReferences</c>): the
/// <c>valuesFrom</c> entries merged in order, later ones winning, then <c>spec.values</c> on top. A lookup walks the layers
/// from the strongest down; an unreadable layer makes the answer unknown rather than a guess.
/// </summary>
public sealed class HelmValues
{
    /// <summary>Strongest first.</summary>
    public List<ValuesLayer> Layers { get; } = new();

    public ValuesHit Lookup(params string[] path)
    {
        foreach (var layer in Layers)
        {
            if (layer.TargetPath is { } target)
            {
                var common = 0;
                while (common < target.Length && common < path.Length && target[common] == path[common])
                {
                    common++;
                }

                if (common < Math.Min(target.Length, path.Length))
                {
                    continue;
                }

                if (layer.IsUnknown || target.Length > path.Length)
                {
                    return new ValuesHit(ValuesHitKind.Unknown, null, layer.Context);
                }

                var inner = YamlNav.At(layer.Root, path[target.Length..]);
                if (inner is not null)
                {
                    return new ValuesHit(ValuesHitKind.Found, inner, layer.Context);
                }

                continue;
            }

            if (layer.IsUnknown)
            {
                return new ValuesHit(ValuesHitKind.Unknown, null, layer.Context);
            }

            var node = YamlNav.At(layer.Root, path);
            if (node is not null)
            {
                return new ValuesHit(ValuesHitKind.Found, node, layer.Context);
            }
        }

        return new ValuesHit(ValuesHitKind.Absent, null, null);
    }

    /// <summary>Every dotted leaf path some readable layer sets (for import), strongest layer's value per path.</summary>
    public SortedDictionary<string, (YamlNode Node, ReadContext Context)> Leaves()
    {
        var result = new SortedDictionary<string, (YamlNode, ReadContext)>(StringComparer.Ordinal);
        for (var i = Layers.Count - 1; i >= 0; i--)
        {
            var layer = Layers[i];
            if (layer.Root is null || layer.Context is null)
            {
                continue;
            }

            Collect(layer.Root, layer.TargetPath is null ? "" : string.Join(".", layer.TargetPath), layer.Context, result, 0);
        }

        return result;
    }

    private static void Collect(YamlNode node, string prefix, ReadContext ctx, SortedDictionary<string, (YamlNode, ReadContext)> into, int depth)
    {
        if (node is YamlMappingNode m && m.Children.Count > 0 && depth < 32)
        {
            foreach (var kv in m.Children)
            {
                if (YamlNav.Text(kv.Key) is { } k)
                {
                    Collect(kv.Value, prefix.Length == 0 ? k : prefix + "." + k, ctx, into, depth + 1);
                }
            }

            return;
        }

        if (prefix.Length > 0)
        {
            into[prefix] = (node, ctx);
        }
    }
}
