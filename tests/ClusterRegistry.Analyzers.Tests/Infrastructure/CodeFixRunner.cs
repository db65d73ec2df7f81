using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs a code fix provider the way the IDE does, with Roslyn's workspace APIs: a document in an <see cref="AdhocWorkspace"/>,
/// the analyzer's diagnostics on it, <see cref="CodeFixProvider.RegisterCodeFixesAsync"/> for one diagnostic or the
/// provider's <see cref="FixAllProvider"/> for the document, and the code action's operations applied to the solution.
/// </summary>
public static class CodeFixRunner
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

    /// <summary>Applies the single fix offered for the first diagnostic of the provider's ID; returns the new text and the action's title.</summary>
    public static async Task<(string Text, string Title)> FixOneAsync(CodeFixProvider provider, string source)
    {
        var document = CreateDocument(source);
        var diags = await DiagnosticsAsync(document, provider.FixableDiagnosticIds);
        Assert.True(diags.Length > 0, $"no {string.Join(",", provider.FixableDiagnosticIds)} diagnostic to fix");
        var actions = await ActionsAsync(provider, document, diags[0]);
        var action = Assert.Single(actions);
        return (await ApplyAsync(action, document), action.Title);
    }

    /// <summary>Runs the provider's Fix All for the document scope over every diagnostic of its ID in the document.</summary>
    public static async Task<string> FixAllInDocumentAsync(CodeFixProvider provider, string source)
    {
        var document = CreateDocument(source);
        var diags = await DiagnosticsAsync(document, provider.FixableDiagnosticIds);
        Assert.True(diags.Length > 1, "Fix All needs several diagnostics; found " + diags.Length);
        var first = Assert.Single(await ActionsAsync(provider, document, diags[0]));
        var fixAll = provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        Assert.Contains(FixAllScope.Document, fixAll.GetSupportedFixAllScopes());
        var context = new FixAllContext(document, provider, FixAllScope.Document, first.EquivalenceKey, provider.FixableDiagnosticIds, new Provider(diags), CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        Assert.NotNull(action);
        return await ApplyAsync(action!, document);
    }

    private static async Task<string> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        var changed = apply.ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
