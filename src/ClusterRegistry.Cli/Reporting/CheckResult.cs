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

    /// <summary><c>stack</c>, or <c>repository</c> for <c>check --repo</c> (then <see cref="StackName"/> is the folder name).</summary>
    public string Subject { get; private init; } = "stack";

    /// <summary>
    /// <c>check --repo</c>: one line per file the reader refused, skipped, could not parse or could only partly know
    /// (<c>file(line): kind: message</c>); empty for a stack.
    /// </summary>
    public IReadOnlyList<CheckNotice> Notices { get; private init; } = Array.Empty<CheckNotice>();

    /// <summary>True when a file of the repository could not be read as YAML/HCL (bad input: exit 2 unless an error finding says 1).</summary>
    public bool HasInputErrors => Notices.Any(n => n.Kind == "error");

    public IReadOnlyList<ReportedFinding> Findings { get; }

    public int Errors => Findings.Count(f => f.Severity == RuleSeverity.Error);

    public int Warnings => Findings.Count(f => f.Severity == RuleSeverity.Warning);

    public int Infos => Findings.Count(f => f.Severity == RuleSeverity.Info);

    /// <summary>
    /// Runs every rule on the stack's real values; with <paramref name="severities"/>, at the severities the team set in
    /// .editorconfig/.globalconfig (a rule set to none or silent is not reported).
    /// </summary>
    public static CheckResult Run(Stack stack, SeverityConfiguration? severities = null)
    {
        var snapshot = SnapshotBuilder.Build(stack);
        return From(stack.Name, RuleEngine.Run(snapshot), severities);
    }

    /// <summary>The findings and notices of <c>check --repo</c>.</summary>
    public static CheckResult FromRepository(string name, IEnumerable<Finding> findings, IEnumerable<CheckNotice> notices, SeverityConfiguration? severities = null)
    {
        var result = From(name, findings, severities);
        return new CheckResult(name, result.Findings) { Subject = "repository", Notices = notices.ToList() };
    }

    /// <summary>Wraps findings computed elsewhere.</summary>
    public static CheckResult From(string stackName, IEnumerable<Finding> findings, SeverityConfiguration? severities = null)
    {
        var reported = new List<ReportedFinding>();
        foreach (var f in findings)
        {
            var r = new ReportedFinding(f);
            var severity = severities is null ? f.Severity : severities.SeverityOf(f, r.File);
            if (severity is { } s)
            {
                reported.Add(r.WithSeverity(s));
            }
        }

        return new(stackName, reported);
    }
}

/// <summary>A finding with its source file and line when the location is a <see cref="SourceFileLocation"/>.</summary>
public sealed class ReportedFinding(Finding finding)
{
    public Finding Finding { get; } = finding;

    /// <summary>Repository-relative path, or null.</summary>
    public string? File { get; } = finding.Location is SourceFileLocation { Path.Length: > 0 } l ? l.Path : null;

    /// <summary>1-based line, or null.</summary>
    public int? Line { get; } = finding.Location is SourceFileLocation { Line: > 0 } l ? l.Line : null;

    /// <summary>1-based column of the YAML node (check --repo), or null.</summary>
    public int? Column { get; } = finding.Location is SourceFileLocation { Line: > 0, Column: > 0 } l ? l.Column : null;

    /// <summary>The effective severity: the rule's default unless the team configured another.</summary>
    public RuleSeverity Severity { get; private init; } = finding.Severity;

    internal ReportedFinding WithSeverity(RuleSeverity severity) => new(Finding) { Severity = severity };
}

/// <summary>One line about one repository file (refused, skipped, unreadable, partly unknown).</summary>
public sealed record CheckNotice(string Kind, string File, int Line, string Message)
{
    /// <summary><c>file(line): kind: message</c>.</summary>
    public override string ToString() => (Line > 0 ? File + "(" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : File) + ": " + Kind + ": " + Message;
}
