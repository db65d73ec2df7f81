using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Analyzers.Tests.Rules;
using Microsoft.CodeAnalysis;
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
        var home = StackWorkspace.CreateDocument(homeSource);
        var baseId = DocumentId.CreateNewId(home.Project.Id);
        var solution = home.Project.Solution.AddDocument(baseId, "Cluster.cs", SourceText.From(baseSource), filePath: "/src/Cluster.cs");
        home = solution.GetDocument(home.Id)!;

        var diagnostics = await StackWorkspace.DiagnosticsAsync(home, new[] { "CRG102" });
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Home", homeSource.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        var line = baseSource.Split('\n').ToList().FindIndex(l => l.Contains("PrependExisting = false", StringComparison.Ordinal)) + 1;
        Assert.EndsWith($"(declared in base stack Cluster, Cluster.cs line {line})", diagnostic.GetMessage(), StringComparison.Ordinal);
        var declared = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("/src/Cluster.cs", declared.SourceTree!.FilePath);

        // The fix, on Microsoft.CodeAnalysis.Testing: offered on Home, it rewrites the base file and leaves Home as it is.
        var fixedBaseSource = TestCompilation.Usings + BaseStackTests.Base(spegel: Fragments.SpegelWith(prepend: "PrependExisting = true"));
        var test = await StackFixTest.CreateAsync(new ClusterRegistry.CodeFixes.Fixes.Crg102SetPrependExisting(), [(baseSource, fixedBaseSource), (homeSource, homeSource)]);
        await test.RunAsync();
    }
}
