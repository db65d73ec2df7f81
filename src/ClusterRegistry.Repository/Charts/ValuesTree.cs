using System.Globalization;
using System.Text.RegularExpressions;
using ClusterRegistry.Repository.Flux;
using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Charts;

/// <summary>
/// A release's values merged the way helm-controller merges them (<c>valuesFrom</c> in order, then <c>spec.values</c>; maps
/// merge key by key, anything else replaces), as a tree of typed leaves with the file and line each came from. Keys stay
/// literal (a label name with dots is one key). Scalars are typed as YAML 1.2's core schema types plain scalars (what
/// Helm's YAML parser does): <c>true</c>/<c>false</c>, integers, floats, <c>null</c>/<c>~</c>; quoted scalars are strings.
/// </summary>
public sealed partial class ValuesTree
{
    private ValuesTree()
    {
    }

    /// <summary>Children of a map (ordinal key order), or null for a leaf.</summary>
    public SortedDictionary<string, ValuesTree>? Children { get; private set; }

    /// <summary>The leaf's value: string, bool, long, double, null, <c>List&lt;object?&gt;</c> or an empty <see cref="ClusterRegistry.HelmValues"/>.</summary>
    public Val<object?> Value { get; private set; } = Val<object?>.Known(null);

    /// <summary>Where the leaf (or map) is written.</summary>
    public object? Location { get; private set; }

    /// <summary>A leaf: a scalar, a list or an empty map (its <see cref="Value"/> is unknown when SOPS-encrypted or an unresolved Flux <c>${VAR}</c>).</summary>
    public bool IsLeaf => Children is null;

    /// <summary>True when some layer of the release cannot be read (an encrypted Secret, an object outside the repository).</summary>
    public bool HasUnknownLayer { get; private set; }

    /// <summary>Merges every readable layer of <paramref name="values"/>, weakest first.</summary>
    public static ValuesTree Merge(Flux.HelmValues values)
    {
        var root = new ValuesTree { Children = new(StringComparer.Ordinal) };
        for (var i = values.Layers.Count - 1; i >= 0; i--)
        {
            var layer = values.Layers[i];
            if (layer.Root is null || layer.Context is null)
            {
                root.HasUnknownLayer = true;
                continue;
            }

            var target = root;
            var path = layer.TargetPath ?? Array.Empty<string>();
            for (var p = 0; p < path.Length - 1; p++)
            {
                target = target.Child(path[p]);
            }

            if (path.Length == 0)
            {
                root.MergeFrom(layer.Root, layer.Context, 0);
            }
            else
            {
                target.Set(path[^1], layer.Root, layer.Context, 0);
            }
        }

        return root;
    }

    /// <summary>The node at <paramref name="path"/>, or null.</summary>
    public ValuesTree? At(params string[] path)
    {
        var node = this;
        foreach (var p in path)
        {
            if (node.Children is null || !node.Children.TryGetValue(p, out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    /// <summary>Removes and returns the leaf at <paramref name="path"/> (null when absent or not a leaf); empty parents go too.</summary>
    public ValuesTree? Take(params string[] path)
    {
        if (path.Length == 0 || Children is null || !Children.TryGetValue(path[0], out var child))
        {
            return null;
        }

        if (path.Length == 1)
        {
            if (!child.IsLeaf)
            {
                return null;
            }

            Children.Remove(path[0]);
            return child;
        }

        var taken = child.Take(path[1..]);
        if (taken is not null && child.Children is { Count: 0 })
        {
            Children.Remove(path[0]);
        }

        return taken;
    }

    /// <summary>Every leaf with its key path, in key order.</summary>
    public IEnumerable<(string[] Path, ValuesTree Leaf)> Leaves()
    {
        if (Children is null)
        {
            yield break;
        }

        foreach (var (key, child) in Children)
        {
            if (child.IsLeaf)
            {
                yield return (new[] { key }, child);
                continue;
            }

            foreach (var (path, leaf) in child.Leaves())
            {
                yield return (new[] { key }.Concat(path).ToArray(), leaf);
            }
        }
    }

    /// <summary>The leaves as the rules see them (<see cref="SpegelInfo.Values"/>, <see cref="HarborInfo.Values"/>).</summary>
    public ValList<HelmValueInfo> ToInfo(object? location, Func<string[], bool>? skip = null)
    {
        var list = new ValList<HelmValueInfo> { Location = location, HasUnknownEntries = HasUnknownLayer };
        foreach (var (path, leaf) in Leaves())
        {
            if (skip?.Invoke(path) != true)
            {
                list.Add(new HelmValueInfo(path, leaf.Value, leaf.Location));
            }
        }

        return list;
    }

    /// <summary>
    /// A key that holds a credential by its name (<c>harborAdminPassword</c>, <c>secretKey</c>, <c>registry.credentials.password</c>),
    /// as opposed to the name of a Secret that holds one (<c>existingSecretAdminPassword</c>, <c>core.secretName</c>).
    /// </summary>
    public static bool IsCredentialKey(string key) =>
        CredentialWord().IsMatch(key) && !key.StartsWith("existingSecret", StringComparison.OrdinalIgnoreCase) &&
        !key.EndsWith("Name", StringComparison.Ordinal) && !key.EndsWith("Ref", StringComparison.Ordinal);

    /// <summary>Typed value of a YAML node (null for an unreadable one).</summary>
    public static Val<object?> ToValue(YamlNode node, ReadContext ctx, int depth = 0)
    {
        switch (node)
        {
            case YamlScalarNode s:
                if (s.Style == ScalarStyle.Plain && (s.Value is null || s.Value is "" or "~" or "null" or "Null" or "NULL"))
                {
                    return Val<object?>.Known(null, ctx.Loc(node));
                }

                var text = ctx.Str(node);
                if (!text.TryGet(out var t))
                {
                    return Val<object?>.Unknown(text.Location);
                }

                return Val<object?>.Known(s.Style == ScalarStyle.Plain ? Plain(t) : t, ctx.Loc(node));
            case YamlSequenceNode seq when depth < 32:
                var items = new List<object?>();
                foreach (var item in seq.Children)
                {
                    var v = ToValue(item, ctx, depth + 1);
                    if (!v.IsKnown)
                    {
                        return Val<object?>.Unknown(v.Location);
                    }

                    items.Add(v.Value);
                }

                return Val<object?>.Known(items, ctx.Loc(node));
            case YamlMappingNode map when depth < 32:
                var tree = new ClusterRegistry.HelmValues();
                foreach (var kv in map.Children)
                {
                    var v = ToValue(kv.Value, ctx, depth + 1);
                    if (YamlNav.Text(kv.Key) is not { } k || !v.IsKnown)
                    {
                        return Val<object?>.Unknown(ctx.Loc(node));
                    }

                    tree[k] = v.Value;
                }

                return Val<object?>.Known(tree, ctx.Loc(node));
            default:
                return Val<object?>.Unknown(ctx.Loc(node));
        }
    }

    private static object Plain(string t)
    {
        if (t is "true" or "True" or "TRUE")
        {
            return true;
        }

        if (t is "false" or "False" or "FALSE")
        {
            return false;
        }

        if (IntPattern().IsMatch(t) && long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        if (FloatPattern().IsMatch(t) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        return t;
    }

    private ValuesTree Child(string key)
    {
        Children ??= new(StringComparer.Ordinal);
        if (!Children.TryGetValue(key, out var c) || c.IsLeaf)
        {
            c = new ValuesTree { Children = new(StringComparer.Ordinal) };
            Children[key] = c;
        }

        return c;
    }

    private void MergeFrom(YamlNode node, ReadContext ctx, int depth)
    {
        Location ??= ctx.Loc(node);
        foreach (var kv in YamlNav.Entries(node))
        {
            if (YamlNav.Text(kv.Key) is { } k)
            {
                Set(k, kv.Value, ctx, depth + 1);
            }
        }
    }

    private void Set(string key, YamlNode value, ReadContext ctx, int depth)
    {
        if (value is YamlMappingNode { Children.Count: > 0 } && depth < 32)
        {
            Child(key).MergeFrom(value, ctx, depth);
            return;
        }

        Children ??= new(StringComparer.Ordinal);
        var v = value is YamlMappingNode ? Val<object?>.Known(new ClusterRegistry.HelmValues(), ctx.Loc(value)) : ToValue(value, ctx, depth);
        Children[key] = new ValuesTree { Value = v, Location = ctx.Loc(value) };
    }

    [GeneratedRegex("(?i)(password|secret|token|credential|passwd)")]
    private static partial Regex CredentialWord();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
