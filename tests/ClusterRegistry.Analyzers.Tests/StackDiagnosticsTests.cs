using System.Text.RegularExpressions;
using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Testing;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// The analyzer on whole stacks, side by side with <c>check</c>: the repository's stacks are clean, the seed runbook
/// fires CRG105, CRG106 and CRG211 (docs/rules), and every broken stack of the rules tests gives the same IDs from
/// both, equal to the stack's own <c>ExpectedIds</c>.
/// </summary>
public class StackDiagnosticsTests
{
    private static readonly string BrokenStacksFolder = Path.Combine(RepoPaths.Root, "tests", "ClusterRegistry.Rules.Tests", "BrokenStacks");

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(params string[] sources)
    {
        var compilation = TestCompilation.Create(sources);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var before = StackAnalyzer.InternalErrors;
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diags, d => d.Id == "AD0001");
        Assert.True(StackAnalyzer.InternalErrors == before, StackAnalyzer.LastInternalError?.ToString());
        return diags;
    }

    private static string[] Ids(IEnumerable<Diagnostic> diags) => diags.Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();

    public static TheoryData<string> BrokenStacks()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(BrokenStacksFolder, "*Stack.cs").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal))
        {
            data.Add(f!);
        }

        return data;
    }

    [Theory]
    [InlineData("HomelabStack.cs")]
    [InlineData("LocalStack.cs")]
    public async Task Repository_stacks_fire_nothing(string file)
    {
        var diags = await AnalyzeAsync(StackFiles.Repo(file));
        Assert.True(diags.Count == 0, string.Join("\n", diags));
    }

    [Fact]
    public async Task Homelab_is_clean_for_check_too()
    {
        var compilation = TestCompilation.Create(StackFiles.Repo("HomelabStack.cs"));
        Assert.Empty(CheckRunner.Ids(compilation, "HomelabStack"));
        Assert.Empty(await TestCompilation.AnalyzeAsync(compilation));
    }

    [Fact]
    public async Task Seed_runbook_fires_CRG105_CRG106_and_CRG211_only()
    {
        var diags = await AnalyzeAsync(StackFiles.Test("SeedStack.cs"));
        Assert.Equal(new[] { "CRG105", "CRG106", "CRG211" }, Ids(diags));
    }

    [Fact]
    public async Task Seed_runbook_of_the_rules_tests_fires_exactly_the_three_gaps_RULES_md_names_at_their_properties()
    {
        var source = File.ReadAllText(Path.Combine(BrokenStacksFolder, "SeedRunbookStack.cs"));
        var diags = await AnalyzeAsync(source);
        Assert.Equal(new[] { "CRG105", "CRG106", "CRG211" }, Ids(diags));
        Assert.Equal("new SpegelArgs", Markup.Show(source, Assert.Single(diags, d => d.Id == "CRG105").Location.SourceSpan));
        Assert.Equal("new TalosMachinePatchArgs", Markup.Show(source, Assert.Single(diags, d => d.Id == "CRG106").Location.SourceSpan));
        Assert.StartsWith("[\"192.168.1.105\"] = new TalosMirror", Markup.Show(source, Assert.Single(diags, d => d.Id == "CRG211").Location.SourceSpan));
    }

    [Theory]
    [MemberData(nameof(BrokenStacks))]
    public async Task Broken_stack_gives_the_same_ids_from_the_analyzer_and_from_check(string file)
    {
        var source = File.ReadAllText(Path.Combine(BrokenStacksFolder, file));
        var expected = Regex.Match(source, "const string ExpectedIds = \"([^\"]*)\";");
        Assert.True(expected.Success, file + " has no ExpectedIds constant");
        var expectedIds = expected.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzer = Ids(await AnalyzeAsync(source));
        var check = CheckRunner.Ids(compilation, Path.GetFileNameWithoutExtension(file));
        Assert.Equal(expectedIds, check);
        Assert.Equal(expectedIds, analyzer);
    }

    [Fact]
    public void Every_broken_stack_file_is_tested()
    {
        Assert.True(Directory.GetFiles(BrokenStacksFolder, "*Stack.cs").Length >= 28, "the broken stacks folder moved or emptied");
    }
}
