using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG203 (ClusterIP not pinned): set <c>PinClusterIP = true</c>. Not offered for an IP outside the service subnet.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg203PinClusterIp))]
    public sealed class Crg203PinClusterIp : SetPropertyFix
    {
        protected override string RuleId => RuleIds.Crg203;

        protected override string ArgsType => "HarborArgs";

        protected override string Property => "PinClusterIP";

        protected override ExpressionSyntax? Value(Diagnostic diagnostic) =>
            Data(diagnostic, "value") == "true" ? LiteralExpression(SyntaxKind.TrueLiteralExpression) : null;
    }
}
