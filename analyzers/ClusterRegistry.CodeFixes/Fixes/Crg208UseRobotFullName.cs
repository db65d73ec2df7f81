using System.Threading;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.CodeFixes.Fixes
{
    /// <summary>CRG208: replace the auth username with the robot's <c>FullName</c> (the variable when in scope, else its literal value).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Crg208UseRobotFullName))]
    public sealed class Crg208UseRobotFullName : StackCodeFix
    {
        protected override string RuleId => RuleIds.Crg208;

        protected override (string Title, SyntaxNode NewRoot)? Fix(SyntaxNode root, SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var username = Data(diagnostic, "username");
            var robotName = Data(diagnostic, "robot");
            var assignment = node as AssignmentExpressionSyntax ?? node.Parent as AssignmentExpressionSyntax;
            if (username is null || assignment is null || assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: "Username" })
            {
                return null;
            }

            var robot = robotName is null ? null : SyntaxEdits.FindResourceVariable(model, assignment.SpanStart, "RobotAccount", robotName);
            ExpressionSyntax value = robot is null ? SyntaxEdits.String(username) : SyntaxEdits.Code(robot + ".FullName");
            return (robot is null ? $"Use \"{username}\"" : $"Use {robot}.FullName", root.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right)));
        }
    }
}
