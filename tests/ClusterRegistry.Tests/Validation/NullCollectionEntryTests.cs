using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;
using ClusterRegistry.Tests.Support;
using ClusterRegistry.Validation;

namespace ClusterRegistry.Tests.Validation;

/// <summary>
/// A null entry in a collection argument is bad input: the validator refuses it naming the resource and the property
/// (exit 2), it never crashes with a NullReferenceException.
/// </summary>
public sealed class NullCollectionEntryTests
{
    [Theory]
    [InlineData("ExtraHostEntries")]
    [InlineData("Files")]
    [InlineData("CriCustomizations")]
    [InlineData("MirroredRegistries")]
    public void A_null_entry_is_refused_naming_resource_and_property(string property)
    {
        var stack = LambdaStack.Build(() =>
        {
            if (property == "MirroredRegistries")
            {
                new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "https://docker.io", null! } });
                return;
            }

            var args = new TalosMachinePatchArgs { TalosVersion = "v1.11", Nodes = { "192.168.1.98" } };
            switch (property)
            {
                case "ExtraHostEntries": args.ExtraHostEntries.Add(null!); break;
                case "Files": args.Files.Add(null!); break;
                default: args.CriCustomizations.Add(null!); break;
            }

            new TalosMachinePatch("machine-network", args);
        });
        var e = Record.Exception(() => StackValidator.Validate(stack));
        var refusal = Assert.IsType<StackDefinitionException>(e);
        Assert.StartsWith(property, refusal.Property, StringComparison.Ordinal);
    }
}
