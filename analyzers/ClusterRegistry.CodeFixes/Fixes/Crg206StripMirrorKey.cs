using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG206: strip the scheme, path or trailing slash of a mirror or registry config key.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg206StripMirrorKey))]
    public sealed class Crg206StripMirrorKey : ReplaceStringFix
    {
        protected override string RuleId => RuleIds.Crg206;

        protected override string DataKey => "replacement";

        protected override string TitleFormat => "Use key \"{0}\"";
    }
}
