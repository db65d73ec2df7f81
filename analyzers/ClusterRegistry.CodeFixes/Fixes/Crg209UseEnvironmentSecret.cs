using System.Linq;
using System.Threading;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG209: replace <c>Secret.FromPlaintextUnsafe("VAR", "value")</c> with <c>Secret.FromEnvironment("VAR")</c>, dropping the value from source.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg209UseEnvironmentSecret))]
    public sealed class Crg209UseEnvironmentSecret : StackCodeFix
    {
        protected override string RuleId => RuleIds.Crg209;

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var call = node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromPlaintextUnsafe" });
            if (call is null)
            {
                return null;
            }

            var first = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            var variable = first is not null && model.GetConstantValue(first, cancellationToken) is { HasValue: true, Value: string v } ? v : Data(diagnostic, "variable");
            if (variable is null)
            {
                return null;
            }

            var replacement = SyntaxEdits.Code($"global::ClusterRegistry.Secret.FromEnvironment({SyntaxEdits.Quote(variable)})");
            return ($"Read the secret from ${{{variable}}}", root.ReplaceNode(call, replacement.WithTriviaFrom(call)));
        }
    }
}
