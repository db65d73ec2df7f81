using ClusterRegistry.Rules;
using ClusterRegistry.Topology;

namespace ClusterRegistry.Pulumi.Diff;

/// <summary>The rule engine on the stack's real values (the same rules and snapshot as <c>check</c>).</summary>
public sealed class RuleFindingSource : IFindingSource
{
    public IReadOnlyList<DiffFinding> Evaluate(Stack stack) =>
        RuleEngine.Run(SnapshotBuilder.Build(stack))
            .Select(f => new DiffFinding(f.Id, f.Severity.ToString().ToLowerInvariant(), f.Resource, f.PropertyPath, f.Message))
            .ToList();
}
