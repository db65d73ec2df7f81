namespace ClusterRegistry.Rules;

/// <summary>Default severity of a rule (maps to Roslyn's DiagnosticSeverity and SARIF's level).</summary>
public enum RuleSeverity
{
    Info,
    Warning,
    Error,
}
