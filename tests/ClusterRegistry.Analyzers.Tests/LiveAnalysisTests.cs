using System.Collections.Immutable;
using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Analyzers.Tests.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// Diagnostics appear while typing: the IDE analyses the open document (or the member being edited) with a semantic
/// model and a span, and does not run compilation-end actions then. The analyzer reports from symbol-end actions, so
/// document- and span-scoped analysis must produce the same diagnostics as a full build.
/// </summary>
public class LiveAnalysisTests
{
    private static CompilationWithAnalyzers WithAnalyzer(Compilation compilation) =>
        new(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new StackAnalyzer()),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));

    private static string[] Ids(IEnumerable<Diagnostic> diags) => diags.Select(d => d.Id).Where(id => id.StartsWith("CRG", StringComparison.Ordinal)).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();

    [Fact]
    public void No_descriptor_is_compilation_end_only()
    {
        foreach (var d in new StackAnalyzer().SupportedDiagnostics)
        {
            Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.CustomTags);
        }
    }

    [Fact]
    public async Task Document_scoped_analysis_reports_what_the_build_reports()
    {
        var compilation = TestCompilation.Create(StackFiles.Test("SeedStack.cs"));
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var document = await WithAnalyzer(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
        var build = await WithAnalyzer(compilation).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(new[] { "CRG105", "CRG106", "CRG211" }, Ids(document));
        Assert.Equal(Ids(build), Ids(document));
        Assert.Equal(build.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start), document.Where(d => d.Id.StartsWith("CRG", StringComparison.Ordinal)).Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
    }

    [Fact]
    public async Task Analysing_only_the_edited_constructor_span_still_reports()
    {
        var compilation = TestCompilation.Create(StackFiles.Test("SeedStack.cs"));
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var constructor = (await tree.GetRootAsync()).DescendantNodes().OfType<ConstructorDeclarationSyntax>().Single();
        var diags = await WithAnalyzer(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, constructor.Span, CancellationToken.None);
        Assert.Contains("CRG105", Ids(diags));
        Assert.Contains("CRG211", Ids(diags));
    }

    [Fact]
    public async Task A_stack_split_over_two_partial_files_reports_in_the_document_that_holds_the_problem()
    {
        var usings = TestCompilation.Usings;
        var first = usings + """
            public sealed partial class S : Stack
            {
                public S() : base("s") { Talos(); Spegel(); }
            }
            """;
        var second = usings + """
            public sealed partial class S
            {
                private void Talos() => new TalosMachinePatch("p", new TalosMachinePatchArgs { TalosVersion = "v1.7" });

                private void Spegel() => new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "https://docker.io" }, PrependExisting = true, ContainerdRegistryConfigPath = "/var/lib/hosts" });
            }
            """;
        var compilation = TestCompilation.Create(first, second);
        var secondTree = compilation.SyntaxTrees.ElementAt(1);
        var diags = await WithAnalyzer(compilation).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(secondTree), null, CancellationToken.None);
        var crg105 = Assert.Single(diags, d => d.Id == "CRG105");
        Assert.Equal(secondTree, crg105.Location.SourceTree);
        Assert.Equal("ContainerdRegistryConfigPath = \"/var/lib/hosts\"", Markup.Show(second, crg105.Location.SourceSpan));
    }

    [Fact]
    public async Task Editing_an_environment_reports_what_it_gets_wrong_with_its_base_in_another_file()
    {
        // The IDE analyses only the open document (the environment); the base lives in another file of the project.
        var baseFile = TestCompilation.Usings + BaseStackTests.Base();
        var environment = TestCompilation.Usings + BaseStackTests.Derived("Home", probe: "");
        var compilation = TestCompilation.Create(baseFile, environment);
        var environmentTree = compilation.SyntaxTrees.ElementAt(1);
        var live = await WithAnalyzer(compilation).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(environmentTree), null, CancellationToken.None);
        var crg403 = Assert.Single(live, d => d.Id == "CRG403");
        Assert.Equal(environmentTree, crg403.Location.SourceTree);
        Assert.Equal("Home", Markup.Show(environment, crg403.Location.SourceSpan));

        var baseLive = await WithAnalyzer(compilation).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(compilation.SyntaxTrees.First()), null, CancellationToken.None);
        Assert.DoesNotContain(baseLive, d => d.Id.StartsWith("CRG", StringComparison.Ordinal));
    }
}
