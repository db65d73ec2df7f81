using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClusterRegistry.CodeFixes
{
    /// <summary>
    /// Base of the rule fixes: one subclass per rule. The analyzer puts the rule's fix data (the values to write) in the
    /// diagnostic's properties; a fix rewrites the syntax at the diagnostic's span, or is not offered when the code has
    /// another shape. Fix All uses the batch fixer (non-overlapping edits merged per document).
    /// </summary>
    public abstract class StackCodeFix : CodeFixProvider
    {
        /// <summary>The rule this fix is for.</summary>
        protected abstract string RuleId { get; }

        public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleId);

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                // A finding about a declaration inherited from a base stack class is shown on the derived class's name; the
                // declaration to edit is its additional location, possibly in another file.
                var location = diagnostic.Location;
                var document = context.Document;
                if (Data(diagnostic, ClusterRegistry.Analyzers.StackEvaluation.DeclaredInBaseProperty) is not null && diagnostic.AdditionalLocations.Count > 0)
                {
                    location = diagnostic.AdditionalLocations[0];
                    if (location.SourceTree is null || document.Project.GetDocument(location.SourceTree) is not { } declaring)
                    {
                        continue;
                    }

                    document = declaring;
                }

                var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (root is null || model is null || !location.IsInSource || location.SourceSpan.End > root.FullSpan.End)
                {
                    continue;
                }

                var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                var edit = Fix(root, node, model, diagnostic, context.CancellationToken);
                if (edit is null)
                {
                    continue;
                }

                var (title, newRoot) = edit.Value;
                var target = document;
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(target.WithSyntaxRoot(newRoot).Project.Solution), equivalenceKey: RuleId),
                    diagnostic);
            }
        }

        /// <summary>The fix's title and the new root, or null when the code is not in a shape this fix handles.</summary>
        protected abstract (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

        protected static string? Data(Diagnostic d, string key) => d.Properties.TryGetValue(key, out var v) ? v : null;
    }
}
