using ClusterRegistry.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>The analyzer on whole stacks: the repository's stacks are clean, the seed runbook fires what RULES.md predicts.</summary>
public class StackDiagnosticsTests
{
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

    [Theory]
    [InlineData("HomelabStack.cs")]
    [InlineData("LocalStack.cs")]
    public async Task Repository_stacks_fire_nothing(string file)
    {
        var diags = await AnalyzeAsync(StackFiles.Repo(file));
        Assert.True(diags.Count == 0, string.Join("\n", diags));
    }

    [Fact]
    public async Task Seed_runbook_fires_CRG105_CRG106_and_CRG211_only()
    {
        var diags = await AnalyzeAsync(StackFiles.Test("SeedStack.cs"));
        Assert.True(
            new[] { "CRG105", "CRG106", "CRG211" }.SequenceEqual(diags.Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal)),
            string.Join("\n", diags));
    }
}
