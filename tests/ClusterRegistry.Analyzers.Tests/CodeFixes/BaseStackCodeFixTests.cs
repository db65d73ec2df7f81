using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Analyzers.Tests.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Text;

namespace ClusterRegistry.Analyzers.Tests.CodeFixes;

/// <summary>A fix for a finding reported on a derived stack edits the base class's declaration, in the base's own file.</summary>
public class BaseStackCodeFixTests
{
    [Fact]
    public async Task PrependExisting_fix_offered_on_the_environment_edits_the_base_in_its_own_file()
    {
        var baseSource = TestCompilation.Usings + BaseStackTests.Base(spegel: Fragments.SpegelWith(prepend: "PrependExisting = false"));
        var homeSource = TestCompilation.Usings + BaseStackTests.Derived("Home");
        var home = CodeFixRunner.CreateDocument(homeSource);
        var baseId = DocumentId.CreateNewId(home.Project.Id);
        var solution = home.Project.Solution.AddDocument(baseId, "Cluster.cs", SourceText.From(baseSource), filePath: "/src/Cluster.cs");
        home = solution.GetDocument(home.Id)!;

        var diagnostics = await CodeFixRunner.DiagnosticsAsync(home, new[] { "CRG102" });
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Home", homeSource.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        var line = baseSource.Split('\n').ToList().FindIndex(l => l.Contains("PrependExisting = false", StringComparison.Ordinal)) + 1;
        Assert.EndsWith($"(declared in base stack Cluster, Cluster.cs line {line})", diagnostic.GetMessage(), StringComparison.Ordinal);
        var declared = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("/src/Cluster.cs", declared.SourceTree!.FilePath);

        var provider = new ClusterRegistry.CodeFixes.Fixes.Crg102SetPrependExisting();
        var action = Assert.Single(await CodeFixRunner.ActionsAsync(provider, home, diagnostic));
        var applied = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedBase = (await applied.GetDocument(baseId)!.GetTextAsync()).ToString();
        Assert.Contains("PrependExisting = true", fixedBase, StringComparison.Ordinal);
        Assert.DoesNotContain("PrependExisting = false", fixedBase, StringComparison.Ordinal);
        Assert.Equal(homeSource, (await applied.GetDocument(home.Id)!.GetTextAsync()).ToString());

        var after = await CodeFixRunner.DiagnosticsAsync(applied.GetDocument(home.Id)!, new[] { "CRG102" });
        Assert.Empty(after);
    }
}
