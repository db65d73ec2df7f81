using System.Collections.Generic;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG201: add a host entry mapping the endpoint's cluster DNS name to the Harbor ClusterIP. Not offered when the ClusterIP is unknown.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg201AddHostEntry))]
    public sealed class Crg201AddHostEntry : AddToCollectionFix
    {
        protected override string RuleId => RuleIds.Crg201;

        protected override string ArgsType => "TalosMachinePatchArgs";

        protected override string Property => "ExtraHostEntries";

        protected override (string Title, IReadOnlyList<ExpressionSyntax> Elements)? Elements(Diagnostic diagnostic, SyntaxNode node, SemanticModel model)
        {
            var alias = Data(diagnostic, "alias");
            var ip = Data(diagnostic, "ip");
            return alias is null || ip is null
                ? null
                : ($"Add host entry {ip} {alias}", One(SyntaxEdits.Code(
                    $"new global::ClusterRegistry.Talos.TalosHostEntry {{ Ip = {SyntaxEdits.Quote(ip)}, Aliases = {{ {SyntaxEdits.Quote(alias)} }} }}")));
        }
    }
}
