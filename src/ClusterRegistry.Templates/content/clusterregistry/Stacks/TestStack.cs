namespace MyCluster.Stacks;

/// <summary>The test environment (stack "test", Pulumi.test.yaml). Addresses are examples: put yours.</summary>
public sealed class TestStack : ClusterStack
{
    public TestStack() : base("test", "192.168.40.105")
    {
        AddTalosPatch("v1.11", "192.168.40.11");
        AddProbe(TimeSpan.FromSeconds(2));
    }
}
