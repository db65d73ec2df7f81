namespace MyCluster.Stacks;

/// <summary>The dev environment (stack "dev", Pulumi.dev.yaml). Addresses are examples: put yours.</summary>
public sealed class DevStack : ClusterStack
{
    public DevStack() : base("dev", "192.168.50.105")
    {
        AddTalosPatch("v1.11", "192.168.50.11");
        AddProbe(TimeSpan.FromSeconds(3));
    }
}
