namespace ClusterRegistry.Pulumi.Diff;

/// <summary>Runs the rules on a stack for the diff's "findings introduced / fixed" section.</summary>
public interface IFindingSource
{
    IReadOnlyList<DiffFinding> Evaluate(Stack stack);
}

/// <summary>No rules available: the diff reports topology changes only.</summary>
public sealed class NoFindings : IFindingSource
{
    public IReadOnlyList<DiffFinding> Evaluate(Stack stack) => Array.Empty<DiffFinding>();
}
