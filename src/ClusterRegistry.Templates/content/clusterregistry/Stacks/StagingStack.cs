namespace MyCluster.Stacks;

/// <summary>The staging environment (stack "staging", Pulumi.staging.yaml). Addresses are examples: put yours.</summary>
public sealed class StagingStack : ClusterStack
{
    public StagingStack() : base("staging", "192.168.20.105")
    {
        AddTalosPatch("v1.11", "192.168.20.11", "192.168.20.12");
        AddProbe(TimeSpan.FromSeconds(1));
    }
}
