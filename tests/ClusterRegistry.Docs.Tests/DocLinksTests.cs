using System.Text.RegularExpressions;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Docs.Tests;

/// <summary>
/// Pages a user reads cite sources the user can open (upstream source files, issues, docs pages), never the team's
/// internal workbench beside the repository: the research notes, the rule catalogue draft, the shared folder. Source
/// files and scripts cite no research notes or rule catalogue draft either.
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

    [GeneratedRegex(@"research/|RULES\.md", RegexOptions.CultureInvariant)]
    private static partial Regex WorkbenchCitation();

    /// <summary>
    /// Every file a user builds or runs: src/, analyzers/, stacks/, bench/ and the root Pulumi project files, without
    /// build output. Their comments and scripts cite upstream sources too.
    /// </summary>
    public static IReadOnlyList<string> ShippedFiles() =>
        new[] { "src", "analyzers", "stacks", "bench" }
            .Select(dir => Path.Combine(RepoPaths.Root, dir))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(RepoPaths.Root, "Pulumi*.yaml", SearchOption.TopDirectoryOnly))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or ".tools" or ".git" or "node_modules" or "BenchmarkDotNet.Artifacts"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Source_and_scripts_cite_no_internal_notes()
    {
        var files = ShippedFiles();
        Assert.Contains("Pulumi.yaml", files);
        Assert.Contains("stacks/build-compiler.sh", files);
        Assert.Contains(files, f => f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("analyzers/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("bench/", StringComparison.Ordinal));

        var hits = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));
            if (text.Contains('\0')) continue; // binary
            hits.AddRange(text.Split('\n')
                .Select((line, i) => (line, i))
                .Where(x => WorkbenchCitation().IsMatch(x.line))
                .Select(x => $"{file}:{x.i + 1}: {x.line.Trim()}"));
        }
        Assert.True(hits.Count == 0,
            "cite the upstream source (source file in a public repository, issue/PR, docs page) or docs/rules/<ID>.md instead:\n"
            + string.Join("\n", hits));
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
