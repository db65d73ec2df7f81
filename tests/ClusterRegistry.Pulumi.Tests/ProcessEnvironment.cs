namespace ClusterRegistry.Pulumi.Tests;

/// <summary>Tests that start processes or change PATH run one at a time (PATH is process-wide).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
