using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG205: key the auth on the endpoint host containerd dials.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg205MoveAuthKey))]
    public sealed class Crg205MoveAuthKey : ReplaceStringFix
    {
        protected override string RuleId => RuleIds.Crg205;

        protected override string DataKey => "key";

        protected override string TitleFormat => "Key the auth on \"{0}\"";
    }
}
