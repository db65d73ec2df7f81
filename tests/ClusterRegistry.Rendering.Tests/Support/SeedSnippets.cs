using System.Text.RegularExpressions;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Support;

/// <summary>
/// The ```yaml blocks of shared/seed/harbor-spegel-talos.md, each with the repository file it belongs to: the path in
/// its first comment line (<c># kubernetes/apps/...yaml</c>) or the last backticked <c>.yaml</c> path in the prose
/// before it ("Add to `talos/patches/global/machine-network.yaml`"); null when neither names one (the Pod example).
/// </summary>
public static partial class SeedSnippets
{
    public sealed record Snippet(string? File, string Yaml);

    public static string Path => System.IO.Path.Combine(RepoPaths.Shared, "seed", "harbor-spegel-talos.md");

    public static IReadOnlyList<Snippet> Load()
    {
        var markdown = File.ReadAllText(Path);
        var result = new List<Snippet>();
        var previousEnd = 0;
        foreach (Match m in Block().Matches(markdown))
        {
            var yaml = m.Groups["body"].Value;
            var firstLine = yaml.Split('\n')[0].Trim();
            string? file = null;
            if (firstLine.StartsWith('#') && PathInComment().Match(firstLine) is { Success: true } c)
            {
                file = c.Groups["path"].Value;
            }
            else if (BacktickedPath().Matches(markdown[previousEnd..m.Index]) is { Count: > 0 } prose)
            {
                file = prose[^1].Groups["path"].Value;
            }

            result.Add(new Snippet(file, yaml));
            previousEnd = m.Index + m.Length;
        }

        return result;
    }

    [GeneratedRegex(@"```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"^#\s*(?<path>[\w./-]+\.yaml)")]
    private static partial Regex PathInComment();

    [GeneratedRegex(@"`(?<path>[\w./-]+\.yaml)`")]
    private static partial Regex BacktickedPath();
}
