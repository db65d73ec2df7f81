using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG102: set <c>PrependExisting = true</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg102SetPrependExisting))]
    public sealed class Crg102SetPrependExisting : SetPropertyFix
    {
        protected override string RuleId => RuleIds.Crg102;

        protected override string ArgsType => "SpegelArgs";

        protected override string Property => "PrependExisting";

        protected override ExpressionSyntax? Value(Diagnostic diagnostic) => LiteralExpression(SyntaxKind.TrueLiteralExpression);
    }
}
