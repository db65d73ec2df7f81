using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG202: replace the host entry's IP with the Harbor ClusterIP.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg202ReplaceHostEntryIp))]
    public sealed class Crg202ReplaceHostEntryIp : ReplaceStringFix
    {
        protected override string RuleId => RuleIds.Crg202;

        protected override string DataKey => "ip";

        protected override string TitleFormat => "Use the Harbor ClusterIP \"{0}\"";
    }
}
