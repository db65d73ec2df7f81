namespace ClusterRegistry.Pulumi.Diff;

/// <summary>The finding source the CLI uses (the rule engine).</summary>
public static class FindingSources
{
    public static IFindingSource Default { get; set; } = new RuleFindingSource();
}
