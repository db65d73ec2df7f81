using System.Collections.Generic;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>
    /// CRG106: add <c>TalosCriCustomization.SpegelKeepUnpackedLayers()</c> to the Talos patch. The model renders it in the
    /// form the patch's Talos version needs (a <c>CRICustomizationConfig</c> document from v1.14, the
    /// <c>/etc/cri/conf.d/20-customization.part</c> file before), so one edit fits every version.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg106AddKeepUnpackedLayers))]
    public sealed class Crg106AddKeepUnpackedLayers : AddToCollectionFix
    {
        protected override string RuleId => RuleIds.Crg106;

        protected override string ArgsType => "TalosMachinePatchArgs";

        protected override string Property => "CriCustomizations";

        protected override bool SearchClass => true;

        protected override (string Title, IReadOnlyList<ExpressionSyntax> Elements)? Elements(Diagnostic diagnostic, SyntaxNode node, SemanticModel model)
        {
            var version = Data(diagnostic, "talosVersion");
            var form = Data(diagnostic, "form");
            var title = "Keep unpacked layers for Spegel" + (version is null ? "" : $" (Talos {version}" + (form is null ? ")" : $": {form})"));
            return (title, One(SyntaxEdits.Code("global::ClusterRegistry.Talos.TalosCriCustomization.SpegelKeepUnpackedLayers()")));
        }
    }
}
