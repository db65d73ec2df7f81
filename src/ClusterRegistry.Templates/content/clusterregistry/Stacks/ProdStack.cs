namespace MyCluster.Stacks;

/// <summary>The prod environment (stack "prod", Pulumi.prod.yaml). Addresses are examples: put yours.</summary>
public sealed class ProdStack : ClusterStack
{
    public ProdStack() : base("prod", "192.168.30.105")
    {
        AddTalosPatch("v1.11", "192.168.30.11", "192.168.30.12", "192.168.30.13");
        AddProbe(TimeSpan.FromSeconds(1));
    }
}
