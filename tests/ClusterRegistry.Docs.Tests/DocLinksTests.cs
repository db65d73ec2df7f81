using System.Text.RegularExpressions;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Docs.Tests;

/// <summary>
/// Pages a user reads cite sources the user can open (upstream source files, issues, docs pages), never the team's
/// internal workbench beside the repository: the research notes, the rule catalogue draft, the shared folder.
/// </summary>
public partial class DocLinksTests
{
    [GeneratedRegex(@"research/|RULES\.md|\.\./shared|shared/(research|seed|golden|schemas)", RegexOptions.CultureInvariant)]
    private static partial Regex Internal();

    public static IEnumerable<object[]> Pages() =>
        Directory.EnumerateFiles(RepoPaths.Root, "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or ".tools" or ".git" or "node_modules" or "BenchmarkDotNet.Artifacts"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_points_at_no_internal_file(string page)
    {
        var hits = File.ReadAllLines(Path.Combine(RepoPaths.Root, page))
            .Select((line, i) => (line, i))
            .Where(x => Internal().IsMatch(x.line))
            .Select(x => $"{page}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(hits.Count == 0, "cite the upstream source instead:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void The_check_sees_every_page()
    {
        var pages = Pages().Select(p => (string)p[0]).ToList();
        Assert.Contains("README.md", pages);
        Assert.Contains("docs/rules/CRG102.md", pages);
        Assert.Contains("analyzers/README.md", pages);
    }
}
