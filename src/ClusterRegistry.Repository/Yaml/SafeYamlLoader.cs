using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Yaml;

/// <summary>
/// Parses untrusted YAML within <see cref="RepositoryOptions"/> limits. Aliases are kept as shared nodes by YamlDotNet
/// (memory stays linear in the text), and the size the file would have once every alias is expanded is computed with a
/// memo per node, in linear time; a file over <see cref="RepositoryOptions.MaxExpandedNodes"/> is refused, so no later
/// walk of its tree can blow up. Bad YAML is one notice with the file and line.
/// </summary>
public static class SafeYamlLoader
{
    public static YamlFile? Load(string relativePath, string text, RepositoryOptions options, List<RepositoryNotice> notices)
    {
        var stream = new YamlStream();
        GuardedParser parser;
        try
        {
            parser = new GuardedParser(new Parser(new StringReader(text)), options.MaxYamlDepth, options.MaxExpandedNodes * 2);
            stream.Load(parser);
        }
        catch (YamlLimitException e)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Refused, relativePath, e.Line, e.Message + "; not read"));
            return null;
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            notices.Add(new RepositoryNotice(NoticeKind.Error, relativePath, (int)e.Start.Line, "invalid YAML: " + Trim(reason)));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Error, relativePath, 0, "invalid YAML: " + Trim(e.Message.Split('\n')[0])));
            return null;
        }

        var roots = new List<YamlNode>();
        if (parser.Aliases == 0 && parser.Nodes <= options.MaxExpandedNodes)
        {
            // No alias: nothing expands, every node was counted as it was parsed.
            foreach (var doc in stream.Documents)
            {
                roots.Add(doc.RootNode);
            }

            return new YamlFile(relativePath, text, roots);
        }

        var memo = new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
        foreach (var doc in stream.Documents)
        {
            var size = Expanded(doc.RootNode, memo, options.MaxExpandedNodes);
            if (size > options.MaxExpandedNodes)
            {
                notices.Add(new RepositoryNotice(NoticeKind.Refused, relativePath, (int)doc.RootNode.Start.Line,
                    $"aliases expand to more than {options.MaxExpandedNodes} YAML nodes (\"billion laughs\"); not read"));
                return null;
            }

            roots.Add(doc.RootNode);
        }

        return new YamlFile(relativePath, text, roots);
    }

    /// <summary>Expanded node count, saturating just above <paramref name="cap"/>. Memoised per shared node.</summary>
    private static long Expanded(YamlNode node, Dictionary<YamlNode, long> memo, long cap)
    {
        if (memo.TryGetValue(node, out var known))
        {
            return known;
        }

        // A node being measured counts as over the cap if met again (a cycle cannot come from YAML text, but be safe).
        memo[node] = cap + 1;
        long size = 1;
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var kv in m.Children)
                {
                    size = Math.Min(cap + 1, size + Expanded(kv.Key, memo, cap) + Expanded(kv.Value, memo, cap));
                }

                break;
            case YamlSequenceNode s:
                foreach (var c in s.Children)
                {
                    size = Math.Min(cap + 1, size + Expanded(c, memo, cap));
                }

                break;
        }

        memo[node] = size;
        return size;
    }

    private static string Trim(string s) => s.Length > 160 ? s[..160] + "…" : s;
}
