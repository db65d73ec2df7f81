using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG302: set <c>DurationDays = -1</c> (never expires); Harbor rejects 0.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg302SetDurationNever))]
    public sealed class Crg302SetDurationNever : SetPropertyFix
    {
        protected override string RuleId => RuleIds.Crg302;

        protected override string ArgsType => "RobotAccountArgs";

        protected override string Property => "DurationDays";

        protected override ExpressionSyntax? Value(Diagnostic diagnostic) =>
            PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1)));
    }
}
