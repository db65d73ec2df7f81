using System.Globalization;
using ClusterRegistry.Repository.Charts;

namespace ClusterRegistry.Repository.Import;

/// <summary>
/// C# for the values escape hatch (<c>Values = { ["key"] = new HelmValues { … } }</c>) from the keys of a release that no
/// typed property took. Leaves that cannot be written as a value (unknown: encrypted or an unresolved <c>${VAR}</c>; a
/// credential in clear; a <c>null</c> that deletes a chart default, which the merge skips) are left out, one line each.
/// </summary>
internal static class ValuesCode
{
    /// <summary>The initializer lines for <paramref name="tree"/>'s leaves, or none.</summary>
    public static List<string> Lines(ValuesTree tree, string owner, List<string> notImported, Func<string[], bool>? isCredential = null)
    {
        var root = new ClusterRegistry.HelmValues();
        foreach (var (path, leaf) in tree.Leaves())
        {
            var dotted = string.Join(".", path);
            var where = leaf.Location is ClusterRegistry.Rules.Topology.SourceFileLocation l ? l.Path + ":" + l.Line.ToString(CultureInfo.InvariantCulture) + ": " : "";
            if (isCredential?.Invoke(path) == true)
            {
                notImported.Add($"{where}{owner}: value '{dotted}' holds a credential; a stack never carries one as a chart value (put it in a Secret and name it with the chart's existingSecret key)");
                continue;
            }

            if (!leaf.Value.TryGet(out var value))
            {
                notImported.Add($"{where}{owner}: value '{dotted}' is encrypted or an unresolved ${{VAR}}; not imported");
                continue;
            }

            if (value is null)
            {
                notImported.Add($"{where}{owner}: value '{dotted}' is null (deletes the chart default); the values merge skips nulls, so the chart default stays");
                continue;
            }

            var target = root;
            foreach (var p in path[..^1])
            {
                if (!target.TryGetValue(p, out var next) || next is not ClusterRegistry.HelmValues map)
                {
                    map = new ClusterRegistry.HelmValues();
                    target[p] = map;
                }

                target = map;
            }

            target[path[^1]] = value;
        }

        var lines = new List<string>();
        if (root.Count > 0)
        {
            foreach (var (key, value) in root.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                lines.Add("[" + CSharpText.Str(key) + "] = " + Literal(value) + ",");
            }
        }

        return lines;
    }

    /// <summary>A C# expression for a values-tree value.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => CSharpText.Str(s),
        bool b => CSharpText.Bool(b),
        long n when n is >= int.MinValue and <= int.MaxValue => n.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture) + "L",
        int n => n.ToString(CultureInfo.InvariantCulture),
        double d => Double(d),
        ClusterRegistry.HelmValues { Count: 0 } => "new HelmValues()",
        ClusterRegistry.HelmValues m => "new HelmValues { " + string.Join(", ", m.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => "[" + CSharpText.Str(kv.Key) + "] = " + Literal(kv.Value))) + " }",
        System.Collections.IEnumerable list => "new object?[] { " + string.Join(", ", list.Cast<object?>().Select(Literal)) + " }",
        _ => CSharpText.Str(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Double(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s : s + ".0";
    }
}
