using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG110: rewrite a malformed MirroredRegistries entry as <c>scheme://host[:port]</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg110CorrectMirroredRegistry))]
    public sealed class Crg110CorrectMirroredRegistry : ReplaceStringFix
    {
        protected override string RuleId => RuleIds.Crg110;

        protected override string DataKey => "replacement";

        protected override string TitleFormat => "Use \"{0}\"";
    }
}
