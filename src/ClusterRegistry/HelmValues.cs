namespace ClusterRegistry;

/// <summary>
/// A Helm values tree for the escape hatch of a chart release (<c>SpegelArgs.Values</c>, <c>HarborArgs.Values</c>): nested
/// maps (<see cref="HelmValues"/>), lists (<c>object?[]</c> or <c>List&lt;object?&gt;</c>) and scalars (string, bool,
/// int, long, double, null). Keys are literal, so a key may contain dots (a label name such as
/// <c>app.kubernetes.io/part-of</c>). The tree is deep-merged over the values the typed properties produce: maps merge key
/// by key, anything else replaces. A key the chart does not know is dropped by Helm without a word when the chart has no
/// values schema (Spegel's has none: CRG111); a value that contradicts a typed property wins over it (CRG112).
/// </summary>
public sealed class HelmValues : Dictionary<string, object?>
{
    public HelmValues()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Every leaf (a scalar, a list, or an empty map) with its key path, in key order at every level.</summary>
    public IEnumerable<(IReadOnlyList<string> Path, object? Value)> Leaves()
    {
        foreach (var (key, value) in this.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (value is HelmValues nested && nested.Count > 0)
            {
                foreach (var (path, leaf) in nested.Leaves())
                {
                    yield return (new[] { key }.Concat(path).ToArray(), leaf);
                }
            }
            else
            {
                yield return (new[] { key }, value);
            }
        }
    }
}
