using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG105: set <c>ContainerdRegistryConfigPath</c> to the path Talos's containerd reads.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg105SetRegistryConfigPath))]
    public sealed class Crg105SetRegistryConfigPath : SetPropertyFix
    {
        protected override string RuleId => RuleIds.Crg105;

        protected override string ArgsType => "SpegelArgs";

        protected override string Property => "ContainerdRegistryConfigPath";

        protected override ExpressionSyntax? Value(Diagnostic diagnostic) => Data(diagnostic, "path") is { } p ? SyntaxEdits.String(p) : null;
    }
}
