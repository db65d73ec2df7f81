using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Tests.Validation;

namespace ClusterRegistry.Pulumi.Tests;

public sealed class FluxObjectTests
{
    [Theory]
    [MemberData(nameof(TestStacks.AllNames), MemberType = typeof(TestStacks))]
    public void Every_Flux_object_in_a_ConfigGroup_is_valid_for_its_CRD(string stack)
    {
        var program = JsonNode.Parse(new PulumiProgramEmitter().Emit(TestStacks.Build(stack)).ToJson())!.AsObject();
        var objs = program["resources"]!.AsObject()
            .Where(r => (string)r.Value!["type"]! == "kubernetes:yaml/v2:ConfigGroup")
            .SelectMany(r => r.Value!["properties"]!["objs"]!.AsArray())
            .Select(o => o!.AsObject())
            .ToList();
        if (stack == "variant")
        {
            Assert.Empty(objs); // Helm delivery: no Flux objects at all.
            return;
        }

        Assert.Contains(objs, o => (string)o["kind"]! == "HelmRelease");
        Assert.Contains(objs, o => (string)o["kind"]! == "OCIRepository");
        Assert.Contains(objs, o => (string)o["kind"]! == "HelmRepository");
        var problems = objs.SelectMany(FluxCrds.Validate).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_CRD_check_rejects_a_release_without_interval_and_an_unknown_field()
    {
        var release = new JsonObject
        {
            ["apiVersion"] = "helm.toolkit.fluxcd.io/v2",
            ["kind"] = "HelmRelease",
            ["metadata"] = new JsonObject { ["name"] = "x" },
            ["spec"] = new JsonObject { ["chartRef"] = new JsonObject { ["kind"] = "OCIRepository", ["name"] = "x" }, ["valuez"] = new JsonObject() },
        };
        var problems = FluxCrds.Validate(release);
        Assert.Contains(problems, p => p.Contains("interval", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("spec.valuez is not declared", StringComparison.Ordinal));
    }
}
