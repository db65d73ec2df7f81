using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>
/// A stack document in an <see cref="AdhocWorkspace"/>, the analyzer's diagnostics on it and the code actions a provider
/// registers for one of them: what the robustness tests need to offer every fix on half-typed code. Fix tests proper run
/// on Microsoft.CodeAnalysis.Testing (<see cref="StackFixTest"/>).
/// </summary>
public static class StackWorkspace
{
    /// <summary>A workspace document holding <paramref name="source"/> (plus the stacks project's global usings).</summary>
    public static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(projectId, "Stacks", "Stacks", LanguageNames.CSharp)
            .WithProjectCompilationOptions(projectId, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest))
            .AddMetadataReferences(projectId, TestCompilation.References)
            .AddDocument(documentId, "Stack.cs", SourceText.From(source), filePath: "/src/Stack.cs")
            .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", SourceText.From(TestCompilation.GlobalUsings), filePath: "/src/GlobalUsings.g.cs");
        Assert.True(workspace.TryApplyChanges(solution));
        return workspace.CurrentSolution.GetDocument(documentId)!;
    }

    /// <summary>The analyzer's diagnostics with <paramref name="ids"/> in <paramref name="document"/>, in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, IEnumerable<string> ids, bool allowCompileErrors = false)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        if (!allowCompileErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "does not compile:\n" + string.Join("\n", errors));
        }

        var tree = (await document.GetSyntaxTreeAsync())!;
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diags, d => d.Id == "AD0001");
        var set = ids.ToHashSet(StringComparer.Ordinal);
        return diags.Where(d => set.Contains(d.Id) && d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>The code actions <paramref name="provider"/> registers for <paramref name="diagnostic"/>.</summary>
    public static async Task<IReadOnlyList<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }
}
