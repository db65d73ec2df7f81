using System.Collections.Generic;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG103: add the Talos-mirrored registry (<c>"&lt;scheme&gt;://&lt;host&gt;"</c>) to <c>MirroredRegistries</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg103AddMirroredRegistry))]
    public sealed class Crg103AddMirroredRegistry : AddToCollectionFix
    {
        protected override string RuleId => RuleIds.Crg103;

        protected override string ArgsType => "SpegelArgs";

        protected override string Property => "MirroredRegistries";

        protected override (string Title, IReadOnlyList<ExpressionSyntax> Elements)? Elements(Diagnostic diagnostic, SyntaxNode node, SemanticModel model) =>
            Data(diagnostic, "registry") is { } r ? ($"Add \"{r}\" to MirroredRegistries", One(SyntaxEdits.String(r))) : null;
    }
}
