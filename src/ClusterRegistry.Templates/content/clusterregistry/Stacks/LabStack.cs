namespace MyCluster.Stacks;

/// <summary>The lab environment (stack "lab", Pulumi.lab.yaml). Addresses are examples: put yours.</summary>
public sealed class LabStack : ClusterStack
{
    public LabStack() : base("lab", "192.168.10.105")
    {
        AddTalosPatch("v1.11", "192.168.10.11");
        AddProbe(TimeSpan.FromSeconds(2));
    }
}
