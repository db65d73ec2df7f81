namespace ClusterRegistry.Probe.History;

/// <summary>One recorded probe run.</summary>
public sealed record HistoryEntry(
    long Id,
    DateTimeOffset StartedAt,
    string Image,
    string Via,
    string Node,
    string? Probe,
    long Bytes,
    double DurationMs,
    double BudgetMs,
    bool WithinBudget,
    string? FailureClass,
    string? FailureMessage,
    string? Digest,
    string Json)
{
    public bool Failed => FailureClass is not null;
}
