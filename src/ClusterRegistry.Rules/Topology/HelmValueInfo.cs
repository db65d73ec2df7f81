using System.Collections.Generic;

namespace ClusterRegistry.Rules.Topology;

/// <summary>
/// One leaf of a chart's escape-hatch values tree (<c>Values</c>): its key path (keys are literal, so a key may contain
/// dots) and its value (string, bool, long, double, null, or a list as <c>IReadOnlyList&lt;object?&gt;</c>). A leaf whose
/// value the builder cannot see is unknown; a subtree it cannot see makes the list's <see cref="ValList{T}.HasUnknownEntries"/> true.
/// </summary>
public sealed class HelmValueInfo
{
    public HelmValueInfo(IReadOnlyList<string> path, Val<object?> value, object? location = null)
    {
        Path = path;
        Value = value;
        Location = location;
    }

    /// <summary>The keys from the root, e.g. <c>["spegel", "appendMirrors"]</c>.</summary>
    public IReadOnlyList<string> Path { get; }

    public Val<object?> Value { get; }

    /// <summary>Where the leaf is written.</summary>
    public object? Location { get; }

    /// <summary>The path joined with dots, for messages (<c>spegel.appendMirrors</c>).</summary>
    public string DottedPath => string.Join(".", Path);

    /// <summary>True when the path starts with <paramref name="prefix"/>.</summary>
    public bool StartsWith(params string[] prefix)
    {
        if (Path.Count < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (Path[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => DottedPath + " = " + Value;
}
