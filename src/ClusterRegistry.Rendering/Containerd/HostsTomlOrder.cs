using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace ClusterRegistry.Rendering.Containerd;

/// <summary>
/// The order of <c>[host."…"]</c> tables in a hosts.toml, which decides the order containerd tries mirrors
/// (<c>getSortedHosts</c> sorts by the line of each host table). A table declared explicitly counts at its own header;
/// one that only appears through a sub-table (<c>[host."x".header]</c>) counts at that first mention.
/// </summary>
public static class HostsTomlOrder
{
    public static IReadOnlyList<string> HostTableOrder(string hostsToml)
    {
        ArgumentNullException.ThrowIfNull(hostsToml);
        var doc = SyntaxParser.Parse(hostsToml, "hosts.toml", false);
        var explicitPos = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstPos = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var table in doc.Tables)
        {
            index++;
            var segments = Segments(table.Name);
            if (segments.Count < 2 || segments[0] != "host")
            {
                continue;
            }

            firstPos.TryAdd(segments[1], index);
            if (segments.Count == 2 && table is TableSyntax)
            {
                explicitPos.TryAdd(segments[1], index);
            }
        }

        return firstPos.Keys
            .OrderBy(k => explicitPos.TryGetValue(k, out var e) ? e : firstPos[k])
            .ToList();
    }

    private static List<string> Segments(KeySyntax? key)
    {
        var result = new List<string>();
        if (key is null)
        {
            return result;
        }

        result.Add(KeyText(key.Key));
        if (key.DotKeys is not null)
        {
            foreach (var dot in key.DotKeys)
            {
                result.Add(KeyText(dot.Key));
            }
        }

        return result;
    }

    private static string KeyText(BareKeyOrStringValueSyntax? k) => k switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax str => str.Value ?? "",
        _ => k?.ToString() ?? "",
    };
}
