using System.Text.RegularExpressions;
using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Testing;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// docs/multi-environment.md shows a base stack with two environments and says what the IDE shows for three edits: the
/// example as written must be clean for the analyzer and for <c>check</c>, and each edit must show what the page says.
/// </summary>
public class MultiEnvironmentDocTests
{
    private static readonly string Example = ReadExample();

    private static string ReadExample()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "multi-environment.md"));
        var code = Regex.Match(page, "```csharp\n(.*?)```", RegexOptions.Singleline);
        Assert.True(code.Success, "docs/multi-environment.md has no csharp block");
        return code.Groups[1].Value;
    }

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Example, StringComparison.Ordinal);
        return Example.Replace(find, replace, StringComparison.Ordinal);
    }

    private static async Task<List<(string Id, string At)>> AnalyzeAsync(string source)
    {
        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        return diags.Select(d => (d.Id, source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))).OrderBy(x => x.Item2, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_example_is_clean_for_the_analyzer_and_for_check()
    {
        Assert.Empty(await AnalyzeAsync(Example));
        var compilation = TestCompilation.Create(Example);
        Assert.Empty(CheckRunner.Ids(compilation, "LabStack"));
        Assert.Empty(CheckRunner.Ids(compilation, "ProductionStack"));
    }

    [Fact]
    public async Task Without_the_production_probe_CRG403_shows_on_ProductionStack_only()
    {
        var source = Edit("AddTalosPatch(\"v1.11\", \"192.168.1.98\", \"192.168.1.99\", \"192.168.1.100\");\n        AddProbe(TimeSpan.FromSeconds(1));",
            "AddTalosPatch(\"v1.11\", \"192.168.1.98\", \"192.168.1.99\", \"192.168.1.100\");");
        Assert.Equal(new[] { ("CRG403", "ProductionStack") }, await AnalyzeAsync(source));
        Assert.Equal(new[] { "CRG403" }, CheckRunner.Ids(TestCompilation.Create(source), "ProductionStack"));
    }

    [Fact]
    public async Task PrependExisting_false_in_the_base_shows_on_each_environment()
    {
        var source = Edit("PrependExisting = true,", "PrependExisting = false,");
        Assert.Equal(new[] { ("CRG102", "LabStack"), ("CRG102", "ProductionStack") }, await AnalyzeAsync(source));
    }

    [Fact]
    public async Task A_zero_robot_duration_in_the_base_shows_once_at_the_base()
    {
        var source = Edit("Permissions = { RobotPermission.Pull(\"library\") },\n        });", "Permissions = { RobotPermission.Pull(\"library\") },\n            DurationDays = 0,\n        });");
        Assert.Equal(new[] { ("CRG302", "DurationDays = 0") }, await AnalyzeAsync(source));
    }
}
