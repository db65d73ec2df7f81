using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG207: correct the scheme of a Harbor endpoint.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg207CorrectEndpointScheme))]
    public sealed class Crg207CorrectEndpointScheme : ReplaceStringFix
    {
        protected override string RuleId => RuleIds.Crg207;

        protected override string DataKey => "replacement";

        protected override string TitleFormat => "Use \"{0}\"";
    }
}
