using ClusterRegistry.Probe.Running;
using Stacks;

namespace ClusterRegistry.Probe.Tests.Running;

public sealed class StackProbesTests
{
    [Fact]
    public void Local_stack_probe_becomes_a_cri_request_with_the_robot_credentials_and_plain_http()
    {
        var stack = Stack.Build(() => new LocalStack());
        var env = new Dictionary<string, string> { ["HARBOR_ROBOT_USERNAME"] = "robot$cluster-pull", ["HARBOR_ROBOT_PASSWORD"] = "pw" };
        var r = Assert.Single(StackProbes.For(stack, "pull-latency", env: v => env.GetValueOrDefault(v)));
        Assert.Equal("127.0.0.105/library/app:v1", r.Image);
        Assert.Equal(ProbeVia.Cri, r.Via);
        Assert.Equal(TimeSpan.FromSeconds(2), r.Budget);
        Assert.Equal("pull-latency", r.ProbeName);
        Assert.True(r.Registry.PlainHttp);
        Assert.Equal("robot$cluster-pull", r.Registry.Credentials?.Username);
        Assert.Equal(["127.0.0.1"], r.Nodes);
    }

    [Fact]
    public void Homelab_stack_probes_are_found()
    {
        var stack = Stack.Build(() => new HomelabStack());
        Assert.NotEmpty(StackProbes.For(stack, null, env: _ => null));
    }

    [Fact]
    public void An_unknown_probe_name_is_a_stack_definition_error()
    {
        var stack = Stack.Build(() => new LocalStack());
        var e = Assert.Throws<StackDefinitionException>(() => StackProbes.For(stack, "missing"));
        Assert.Contains("pull-latency", e.Message);
    }
}
