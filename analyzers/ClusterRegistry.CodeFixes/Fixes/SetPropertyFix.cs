using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>Sets one property of an SDK args object: replaces the assignment the diagnostic is on, or adds it to the object's initializer.</summary>
    public abstract class SetPropertyFix : StackCodeFix
    {
        protected abstract string ArgsType { get; }

        protected abstract string Property { get; }

        /// <summary>The expression to assign, from the diagnostic's fix data; null when the data is missing.</summary>
        protected abstract ExpressionSyntax? Value(Diagnostic diagnostic);

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var value = Value(diagnostic);
            if (value is null)
            {
                return null;
            }

            var title = $"Set {Property} = {value}";
            var assignment = node as AssignmentExpressionSyntax ?? node.Parent as AssignmentExpressionSyntax;
            if (assignment is not null && Named(assignment.Left) == Property)
            {
                return (title, root.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right)));
            }

            var creation = SyntaxEdits.FindCreation(node, model, ArgsType);
            return creation is null ? null : (title, root.ReplaceNode(creation, SyntaxEdits.SetProperty(creation, Property, value)));
        }

        private static string? Named(ExpressionSyntax left) => left switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
