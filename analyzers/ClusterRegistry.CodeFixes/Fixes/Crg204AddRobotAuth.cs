using System.Collections.Generic;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG204: add auth for the endpoint host from the pull robot (its FullName, UsernameVariable and Secret). Offered when the robot is a variable in scope.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg204AddRobotAuth))]
    public sealed class Crg204AddRobotAuth : AddToCollectionFix
    {
        protected override string RuleId => RuleIds.Crg204;

        protected override string ArgsType => "TalosMachinePatchArgs";

        protected override string Property => "RegistryConfig";

        protected override (string Title, IReadOnlyList<ExpressionSyntax> Elements)? Elements(Diagnostic diagnostic, SyntaxNode node, SemanticModel model)
        {
            var key = Data(diagnostic, "key");
            var robotName = Data(diagnostic, "robot");
            if (key is null || robotName is null)
            {
                return null;
            }

            var robot = SyntaxEdits.FindResourceVariable(model, node.SpanStart, "RobotAccount", robotName);
            if (robot is null)
            {
                return null;
            }

            return ($"Add auth for '{key}' from {robot}", One(SyntaxEdits.Code(
                $"[{SyntaxEdits.Quote(key)}] = new global::ClusterRegistry.Talos.TalosRegistryConfig {{ Auth = new global::ClusterRegistry.Talos.TalosRegistryAuth {{ " +
                $"Username = {robot}.FullName, UsernameVariable = {robot}.UsernameVariable, Password = {robot}.Secret }} }}")));
        }
    }
}
