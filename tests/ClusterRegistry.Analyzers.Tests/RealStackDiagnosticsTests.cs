using System.Text.RegularExpressions;
using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Testing;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// The stacks transcribed from public home-ops repositories (tests/ClusterRegistry.Rules.Tests/RealStacks): the analyzer
/// reports exactly the findings each stack argues from upstream facts, the same as <c>check</c>, so a platform team's first
/// build of such a stack has no false alarm.
/// </summary>
public class RealStackDiagnosticsTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "ClusterRegistry.Rules.Tests", "RealStacks");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*Stack.cs").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal))
        {
            data.Add(f!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Real_stack_gives_the_argued_ids_from_the_analyzer_and_from_check(string file)
    {
        var source = File.ReadAllText(Path.Combine(Folder, file));
        var expected = Regex.Match(source, "const string ExpectedIds = \"([^\"]*)\";");
        Assert.True(expected.Success, file + " has no ExpectedIds constant");
        var expectedIds = expected.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var before = StackAnalyzer.InternalErrors;
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diags, d => d.Id == "AD0001");
        Assert.True(StackAnalyzer.InternalErrors == before, StackAnalyzer.LastInternalError?.ToString());
        var analyzer = diags.Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
        var check = CheckRunner.Ids(compilation, Path.GetFileNameWithoutExtension(file));
        Assert.True(expectedIds.SequenceEqual(check), "check: " + string.Join(",", check));
        Assert.True(expectedIds.SequenceEqual(analyzer), "analyzer:\n" + string.Join("\n", diags));
    }
}
