using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG104: correct the scheme of a mirrored registry.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg104CorrectRegistryScheme))]
    public sealed class Crg104CorrectRegistryScheme : ReplaceStringFix
    {
        protected override string RuleId => RuleIds.Crg104;

        protected override string DataKey => "replacement";

        protected override string TitleFormat => "Use \"{0}\"";
    }
}
