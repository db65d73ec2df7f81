namespace MyCluster.Stacks;

/// <summary>The ENVIRONMENT_NAME environment (stack "ENVIRONMENT_NAME", Pulumi.ENVIRONMENT_NAME.yaml). Addresses are examples: put yours.</summary>
public sealed class ENVIRONMENT_CLASSStack : ClusterStack
{
    public ENVIRONMENT_CLASSStack() : base("ENVIRONMENT_NAME", "192.168.ENVIRONMENT_NUMBER0.105")
    {
        AddTalosPatch("v1.11", "192.168.ENVIRONMENT_NUMBER0.11");
        AddProbe(TimeSpan.FromSeconds(2));
    }
}
