using ClusterRegistry.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Soundness;

/// <summary>
/// Findings name list indexes (<c>MirroredRegistries[1]</c>), so the analyzer may name an entry only when its index is
/// certain (issue 11): after an element added on some paths only, a later entry may stand one further in the built list.
/// Each stack here has a bad entry after such a change (a conditional add, a Remove, an AddRange of a non-constant);
/// every analyzer finding must be a <c>check</c> finding.
/// </summary>
public class OpenListIndexTests
{
    public static TheoryData<string> Bodies() => new()
    {
        Stack(spegel: "var sa = new SpegelArgs { ChartVersion = \"0.7.4\", MirroredRegistries = { \"https://docker.io\", \"https://harbor/v2/proxy\" }, PrependExisting = true, ContainerdRegistryConfigPath = \"/etc/cri/conf.d/hosts\" }; sa.MirroredRegistries.Remove(\"https://docker.io\"); new SpegelRelease(\"spegel\", sa);"),
        Stack(spegel: "var sb = new SpegelArgs { ChartVersion = \"0.7.4\", MirroredRegistries = { \"https://docker.io\" }, PrependExisting = true, ContainerdRegistryConfigPath = \"/etc/cri/conf.d/hosts\" }; if (Environment.ProcessorCount > 0) { sb.MirroredRegistries.Add(\"https://ghcr.io\"); } sb.MirroredRegistries.Add(\"https://harbor/v2/proxy\"); new SpegelRelease(\"spegel\", sb);"),
        Stack(spegel: "var sc = new SpegelArgs { ChartVersion = \"0.7.4\", MirroredRegistries = { \"https://docker.io\" }, PrependExisting = true, ContainerdRegistryConfigPath = \"/etc/cri/conf.d/hosts\" }; sc.MirroredRegistries.AddRange(new[] { Environment.MachineName }); sc.MirroredRegistries.Add(\"https://harbor/v2/proxy\"); new SpegelRelease(\"spegel\", sc);"),
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task The_analyzer_names_no_entry_whose_index_it_cannot_know(string body)
    {
        var source = new RuleCase("CRG001", CaseKind.Fires, "x", body).Source;
        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var analyzer = diagnostics.Select(CheckFinding.Of).Distinct().Select(f => f.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var check = CheckRunner.Judge(compilation, "S").Findings.Select(f => f.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var extra = analyzer.Except(check).ToList();
        Assert.True(extra.Count == 0, $"the analyzer reports what check does not:\n  {string.Join("\n  ", extra)}\nanalyzer:\n  {string.Join("\n  ", analyzer)}\ncheck:\n  {string.Join("\n  ", check)}");
    }
}
