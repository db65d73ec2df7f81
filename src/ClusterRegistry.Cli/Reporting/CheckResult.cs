using ClusterRegistry.Rules;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Topology;

namespace ClusterRegistry.Cli.Reporting;

/// <summary>The findings of <c>check</c> for one stack, with file/line resolved from the opaque locations.</summary>
public sealed class CheckResult
{
    private CheckResult(string stackName, IReadOnlyList<ReportedFinding> findings)
    {
        StackName = stackName;
        Findings = findings;
    }

    public string StackName { get; }

    public IReadOnlyList<ReportedFinding> Findings { get; }

    public int Errors => Findings.Count(f => f.Finding.Severity == RuleSeverity.Error);

    public int Warnings => Findings.Count(f => f.Finding.Severity == RuleSeverity.Warning);

    public int Infos => Findings.Count(f => f.Finding.Severity == RuleSeverity.Info);

    /// <summary>Runs every rule on the stack's real values.</summary>
    public static CheckResult Run(Stack stack)
    {
        var snapshot = SnapshotBuilder.Build(stack);
        return From(stack.Name, RuleEngine.Run(snapshot));
    }

    /// <summary>Wraps findings computed elsewhere.</summary>
    public static CheckResult From(string stackName, IEnumerable<Finding> findings) =>
        new(stackName, findings.Select(f => new ReportedFinding(f)).ToList());
}

/// <summary>A finding with its source file and line when the location is a <see cref="SourceFileLocation"/>.</summary>
public sealed class ReportedFinding(Finding finding)
{
    public Finding Finding { get; } = finding;

    /// <summary>Repository-relative path, or null.</summary>
    public string? File { get; } = finding.Location is SourceFileLocation { Path.Length: > 0 } l ? l.Path : null;

    /// <summary>1-based line, or null.</summary>
    public int? Line { get; } = finding.Location is SourceFileLocation { Line: > 0 } l ? l.Line : null;
}
