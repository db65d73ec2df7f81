using System.Collections.Generic;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG109: label Spegel's namespace <c>pod-security.kubernetes.io/enforce = privileged</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg109AddPrivilegedLabel))]
    public sealed class Crg109AddPrivilegedLabel : AddToCollectionFix
    {
        protected override string RuleId => RuleIds.Crg109;

        protected override string ArgsType => "SpegelArgs";

        protected override string Property => "NamespaceLabels";

        protected override (string Title, IReadOnlyList<ExpressionSyntax> Elements)? Elements(Diagnostic diagnostic, SyntaxNode node, SemanticModel model)
        {
            var key = Data(diagnostic, "key");
            var value = Data(diagnostic, "value");
            return key is null || value is null
                ? null
                : ($"Add label {key}={value}", One(SyntaxEdits.Code($"[{SyntaxEdits.Quote(key)}] = {SyntaxEdits.Quote(value)}")));
        }
    }
}
