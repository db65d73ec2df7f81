using System;
using System.Collections.Generic;
using System.Linq;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG101: add the registries the stack mirrors in Talos to Spegel's empty <c>MirroredRegistries</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg101AddMirroredRegistries))]
    public sealed class Crg101AddMirroredRegistries : AddToCollectionFix
    {
        protected override string RuleId => RuleIds.Crg101;

        protected override string ArgsType => "SpegelArgs";

        protected override string Property => "MirroredRegistries";

        protected override (string Title, IReadOnlyList<ExpressionSyntax> Elements)? Elements(Diagnostic diagnostic, SyntaxNode node, SemanticModel model)
        {
            var registries = Data(diagnostic, "registries")?.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
            return registries is null || registries.Length == 0
                ? null
                : ("Mirror " + string.Join(", ", registries), Many(registries.Select(r => (ExpressionSyntax)SyntaxEdits.String(r))));
        }
    }
}
