using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>Adds elements to a collection property (<c>Name = { ... }</c>) of an SDK args object.</summary>
    public abstract class AddToCollectionFix : StackCodeFix
    {
        protected abstract string ArgsType { get; }

        protected abstract string Property { get; }

        /// <summary>When the diagnostic is not inside the args object, the class's only creation of it is used.</summary>
        protected virtual bool SearchClass => false;

        /// <summary>The elements to add and the fix title; null when the fix data is missing.</summary>
        protected abstract (string Title, IReadOnlyList<ExpressionSyntax> Elements)? Elements(Diagnostic diagnostic, SyntaxNode node, SemanticModel model);

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var elements = Elements(diagnostic, node, model);
            if (elements is null || elements.Value.Elements.Count == 0)
            {
                return null;
            }

            var creation = SyntaxEdits.FindCreation(node, model, ArgsType);
            if (creation is null && SearchClass)
            {
                var all = SyntaxEdits.CreationsInClass(node, model, ArgsType);
                creation = all.Length == 1 ? all[0] : null;
            }

            if (creation is null)
            {
                return null;
            }

            var updated = creation;
            foreach (var e in elements.Value.Elements)
            {
                updated = SyntaxEdits.AddToCollection(updated, Property, e);
            }

            return (elements.Value.Title, root.ReplaceNode(creation, updated));
        }

        protected static IReadOnlyList<ExpressionSyntax> One(ExpressionSyntax e) => new[] { e };

        protected static IReadOnlyList<ExpressionSyntax> Many(IEnumerable<ExpressionSyntax> e) => e.ToList();
    }
}
