using ClusterRegistry.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// Users set rule severities like any Roslyn diagnostic's, in .editorconfig or .globalconfig. The workspace turns those
/// files into the compilation's options (as the IDE and the build do); the analyzer's diagnostics follow them.
/// </summary>
public class SeverityConfigTests
{
    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeSeedAsync(string? configPath, string? config)
    {
        var document = StackWorkspace.CreateDocument(StackFiles.Test("SeedStack.cs"));
        var project = document.Project;
        if (configPath is not null)
        {
            project = project.AddAnalyzerConfigDocument(Path.GetFileName(configPath), SourceText.From(config!), filePath: configPath).Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diags, d => d.Id == "AD0001");
        return diags;
    }

    [Fact]
    public async Task Defaults_without_configuration()
    {
        var diags = await AnalyzeSeedAsync(null, null);
        Assert.All(diags.Where(d => d.Id == "CRG105"), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(diags.Where(d => d.Id == "CRG211"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(diags, d => d.Id == "CRG105");
        Assert.Contains(diags, d => d.Id == "CRG211");
    }

    [Fact]
    public async Task Editorconfig_none_silences_a_rule_and_error_raises_another()
    {
        var diags = await AnalyzeSeedAsync("/src/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.CRG105.severity = none
            dotnet_diagnostic.CRG211.severity = error
            """);
        Assert.DoesNotContain(diags, d => d.Id == "CRG105");
        var crg211 = Assert.Single(diags, d => d.Id == "CRG211");
        Assert.Equal(DiagnosticSeverity.Error, crg211.Severity);
        Assert.Contains(diags, d => d.Id == "CRG106");
    }

    [Fact]
    public async Task Globalconfig_none_and_error_take_effect()
    {
        var diags = await AnalyzeSeedAsync("/src/.globalconfig", """
            is_global = true
            dotnet_diagnostic.CRG105.severity = error
            dotnet_diagnostic.CRG106.severity = none
            dotnet_diagnostic.CRG211.severity = error
            """);
        Assert.DoesNotContain(diags, d => d.Id == "CRG106");
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diags, d => d.Id == "CRG105").Severity);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diags, d => d.Id == "CRG211").Severity);
    }

    [Fact]
    public async Task Globalconfig_can_silence_CRG105()
    {
        var diags = await AnalyzeSeedAsync("/src/.globalconfig", """
            is_global = true
            dotnet_diagnostic.CRG105.severity = none
            """);
        Assert.DoesNotContain(diags, d => d.Id == "CRG105");
        Assert.Contains(diags, d => d.Id == "CRG211");
    }
}
