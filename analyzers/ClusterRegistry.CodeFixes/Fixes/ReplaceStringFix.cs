using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>Replaces the string the diagnostic is on (an element, a dictionary key, an assigned value) with the fix data's replacement.</summary>
    public abstract class ReplaceStringFix : StackCodeFix
    {
        /// <summary>The fix data key holding the replacement text.</summary>
        protected virtual string DataKey => "replacement";

        protected virtual string TitleFormat => "Replace with \"{0}\"";

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var replacement = Data(diagnostic, DataKey);
            var target = SyntaxEdits.ValueAt(node);
            if (target is ImplicitElementAccessSyntax key && key.ArgumentList.Arguments.Count == 1)
            {
                target = key.ArgumentList.Arguments[0].Expression;
            }

            // Only a literal (or a constant string expression written in place) is rewritten; a named constant is left alone.
            if (replacement is null || target is null || !(target is LiteralExpressionSyntax || target is InterpolatedStringExpressionSyntax || target.IsKind(SyntaxKind.AddExpression)))
            {
                return null;
            }

            if (model.GetConstantValue(target, cancellationToken) is not { HasValue: true, Value: string current } || current == replacement)
            {
                return null;
            }

            return (string.Format(System.Globalization.CultureInfo.InvariantCulture, TitleFormat, replacement),
                root.ReplaceNode(target, SyntaxEdits.String(replacement).WithTriviaFrom(target)));
        }
    }
}
