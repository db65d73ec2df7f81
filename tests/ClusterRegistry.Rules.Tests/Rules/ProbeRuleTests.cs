using ClusterRegistry.Rules.Topology;
using static ClusterRegistry.Rules.Tests.GoodSnapshot;

namespace ClusterRegistry.Rules.Tests.Rules;

public sealed class ProbeRuleTests
{
    // CRG401
    [Fact]
    public void CRG401_fires_for_an_unmirrored_registry()
    {
        var g = new GoodSnapshot();
        g.Probe.Image = V("registry.example.org/team/app:1", "L:probe.Image");
        var f = g.Run("CRG401");
        Assert.Equal("Image", Assert.Single(f).PropertyPath);
        Assert.Equal("L:probe.Image", f[0].Location);
        Assert.Contains("registry.example.org", f[0].Message);
    }

    [Fact]
    public void CRG401_near_miss_docker_hub_image_mirrored_by_spegel()
    {
        var g = new GoodSnapshot();
        g.Probe.Image = "nginx:1.27";
        Assert.Empty(g.Run("CRG401"));
    }

    [Fact]
    public void CRG401_silent_when_the_image_or_a_mirror_key_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Probe.Image = U<string>();
        Assert.Empty(g.Run("CRG401"));
        var h = new GoodSnapshot();
        h.Probe.Image = "registry.example.org/team/app:1";
        h.Patch.Mirrors.Add(new MirrorInfo { Key = U<string>() });
        Assert.Empty(h.Run("CRG401"));
    }

    // CRG402
    [Fact]
    public void CRG402_fires_when_the_budget_is_below_size_over_link()
    {
        var g = new GoodSnapshot();
        g.Probe.LinkMegabitsPerSecond = Val.Known<double?>(100);
        var f = Assert.Single(g.Run("CRG402"));
        Assert.Equal("Budget", f.PropertyPath);
        Assert.Equal("L:probe.Budget", f.Location);
        Assert.Equal("budget 1 s is below the 2.96 s that 37 MB take at 100 Mbit/s: the gate can never pass", f.Message);
        Assert.Equal("2.96", f.Fix["minimumSeconds"]);
    }

    [Fact]
    public void CRG402_near_miss_gigabit_link()
    {
        Assert.Empty(new GoodSnapshot().Run("CRG402"));
    }

    [Fact]
    public void CRG402_silent_when_size_is_unknown_or_undeclared()
    {
        var g = new GoodSnapshot();
        g.Probe.LinkMegabitsPerSecond = Val.Known<double?>(1);
        g.Probe.ExpectedSizeBytes = U<long?>();
        Assert.Empty(g.Run("CRG402"));
        g.Probe.ExpectedSizeBytes = Val.Known<long?>(null);
        Assert.Empty(g.Run("CRG402"));
    }

    // CRG403
    [Fact]
    public void CRG403_fires_for_a_mirrored_harbor_without_a_probe()
    {
        var g = new GoodSnapshot();
        g.Snapshot.Probes.Clear();
        var f = Assert.Single(g.Run("CRG403"));
        Assert.Equal(RuleSeverity.Info, f.Severity);
        Assert.Equal("HarborRegistry 'harbor'", f.Resource);
        Assert.Equal("L:harbor", f.Location);
        Assert.Equal("192.168.1.105", f.Fix["registry"]);
    }

    [Fact]
    public void CRG403_near_miss_unmirrored_harbor()
    {
        var g = new GoodSnapshot();
        g.Snapshot.Probes.Clear();
        g.Patch.Mirrors.Clear();
        g.Spegel.MirroredRegistries.RemoveAt(6);
        Assert.Empty(g.Run("CRG403"));
    }

    [Fact]
    public void CRG403_silent_when_probes_are_not_fully_known()
    {
        var g = new GoodSnapshot();
        g.Probe.Image = U<string>();
        Assert.Empty(g.Run("CRG403"));
        g.Snapshot.Probes.Clear();
        g.Snapshot.HasUnknownResources = true;
        Assert.Empty(g.Run("CRG403"));
    }
}
