using System.Globalization;
using ClusterRegistry.Cli.Reporting;
using ClusterRegistry.Rules;

namespace ClusterRegistry.Cli.Gate;

/// <summary>
/// The gate before a deployment, the role a mandatory CrossGuard policy plays in Pulumi: the rules on the stack's real
/// values (as <c>check</c> runs them, so configuration, environment and computed values count), at the severities the
/// team configured in .editorconfig/.globalconfig. Each error and warning goes to stderr (Pulumi prints a failed
/// compiler's stderr in <c>preview</c> and <c>up</c>); any error stops the deployment.
/// </summary>
public static class DeploymentGate
{
    /// <summary>
    /// Runs the rules on <paramref name="stack"/> with the severities configured under <paramref name="configRoot"/>, writes
    /// the findings to <paramref name="error"/> and returns the result; the caller refuses when it has errors.
    /// </summary>
    public static CheckResult Run(Stack stack, string configRoot, TextWriter error, string verb)
    {
        var result = CheckResult.Run(stack, SeverityConfiguration.Load(configRoot));
        foreach (var r in result.Findings.Where(f => f.Severity is RuleSeverity.Error or RuleSeverity.Warning))
        {
            error.WriteLine(TextReport.Line(r));
        }

        if (result.Errors > 0)
        {
            var ids = string.Join(", ", result.Findings.Where(f => f.Severity == RuleSeverity.Error).Select(f => f.Finding.Id).Distinct());
            error.WriteLine(
                $"{verb}: stack '{stack.Name}' has {Count(result.Errors)} error finding(s) ({ids}) on its real values; refused. " +
                $"Fix the stack, or lower a rule deliberately in .editorconfig: dotnet_diagnostic.<ID>.severity = warning");
        }
        else if (result.Warnings > 0)
        {
            error.WriteLine($"{verb}: stack '{stack.Name}': {Count(result.Warnings)} warning(s), not blocking");
        }

        return result;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
