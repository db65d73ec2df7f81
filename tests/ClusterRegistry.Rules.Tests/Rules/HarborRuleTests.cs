using ClusterRegistry.Rules.Topology;
using static ClusterRegistry.Rules.Tests.GoodSnapshot;

namespace ClusterRegistry.Rules.Tests.Rules;

public sealed class HarborRuleTests
{
    // CRG301
    [Theory]
    [InlineData("Cluster-Pull")]
    [InlineData("cluster+pull")]
    [InlineData("cluster--pull")]
    [InlineData("-pull")]
    public void CRG301_fires_on_names_harbor_rejects(string name)
    {
        var g = new GoodSnapshot();
        g.Robot.Name = V(name, "L:robot.name");
        var f = Assert.Single(g.Run("CRG301"));
        Assert.Equal("name", f.PropertyPath);
        Assert.Equal("L:robot.name", f.Location);
        Assert.Contains(name, f.Message);
    }

    [Theory]
    [InlineData("cluster-pull")]
    [InlineData("ci.push_2")]
    public void CRG301_near_miss_valid_names(string name)
    {
        var g = new GoodSnapshot();
        g.Robot.Name = name;
        Assert.Empty(g.Run("CRG301"));
    }

    [Fact]
    public void CRG301_silent_when_the_name_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Robot.Name = U<string>();
        Assert.Empty(g.Run("CRG301"));
    }

    // CRG302
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void CRG302_fires_on_zero_and_negative_durations(int days)
    {
        var g = new GoodSnapshot();
        g.Robot.DurationDays = Val.Known(days, "L:robot.DurationDays");
        var f = Assert.Single(g.Run("CRG302"));
        Assert.Equal("DurationDays", f.PropertyPath);
        Assert.Equal("L:robot.DurationDays", f.Location);
        Assert.Equal("-1", f.Fix["value"]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(30)]
    public void CRG302_near_miss(int days)
    {
        var g = new GoodSnapshot();
        g.Robot.DurationDays = days;
        Assert.Empty(g.Run("CRG302"));
    }

    [Fact]
    public void CRG302_silent_when_unknown()
    {
        var g = new GoodSnapshot();
        g.Robot.DurationDays = U<int>();
        Assert.Empty(g.Run("CRG302"));
    }

    // CRG303
    [Fact]
    public void CRG303_fires_when_the_node_robot_can_push()
    {
        var g = new GoodSnapshot();
        g.Robot.Permissions[0] = PermissionInfo.Push("library", "L:robot.Permissions[0]");
        var f = Assert.Single(g.Run("CRG303"));
        Assert.Equal("RobotAccount 'cluster-pull'", f.Resource);
        Assert.Equal("Permissions[0]", f.PropertyPath);
        Assert.Equal("L:robot.Permissions[0]", f.Location);
        Assert.Contains("repository:push", f.Message);
    }

    [Fact]
    public void CRG303_near_miss_a_push_robot_not_used_by_nodes()
    {
        var g = new GoodSnapshot();
        g.Snapshot.Robots.Add(new RobotInfo { Name = "ci", Permissions = { PermissionInfo.Push("library") } });
        Assert.Empty(g.Run("CRG303"));
    }

    [Fact]
    public void CRG303_silent_when_the_extra_access_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Robot.Permissions[0].Access.Add(new AccessInfo("repository", U<string>()));
        Assert.Empty(g.Run("CRG303"));
    }

    // CRG304
    [Fact]
    public void CRG304_fires_on_a_project_robot_with_two_entries()
    {
        var g = new GoodSnapshot();
        g.Robot.Level = RobotLevelKind.Project;
        g.Robot.Project = Val.Known<string?>("library");
        g.Robot.Permissions.Add(PermissionInfo.Pull("apps"));
        var f = Assert.Single(g.Run("CRG304"));
        Assert.Equal("Permissions", f.PropertyPath);
        Assert.Equal("L:robot.Permissions", f.Location);
        Assert.Contains("2 permission entries", f.Message);
    }

    [Fact]
    public void CRG304_near_miss_system_robot_with_two_entries()
    {
        var g = new GoodSnapshot();
        g.Robot.Permissions.Add(PermissionInfo.Pull("apps"));
        Assert.Empty(g.Run("CRG304"));
    }

    [Fact]
    public void CRG304_silent_when_the_level_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Robot.Level = U<RobotLevelKind>();
        g.Robot.Permissions.Add(PermissionInfo.Pull("apps"));
        Assert.Empty(g.Run("CRG304"));
    }

    // CRG305
    [Fact]
    public void CRG305_fires_when_the_node_robot_cannot_pull_the_probe_project()
    {
        var g = new GoodSnapshot();
        g.Probe.Image = "192.168.1.105/apps/myapp:v1";
        var f = Assert.Single(g.Run("CRG305"));
        Assert.Equal("RobotAccount 'cluster-pull'", f.Resource);
        Assert.Equal("Permissions", f.PropertyPath);
        Assert.Equal("L:robot.Permissions", f.Location);
        Assert.Contains("'apps'", f.Message);
    }

    [Fact]
    public void CRG305_near_miss_wildcard_permission_and_public_project()
    {
        var g = new GoodSnapshot();
        g.Probe.Image = "192.168.1.105/apps/myapp:v1";
        g.Robot.Permissions[0] = PermissionInfo.Pull("*");
        Assert.Empty(g.Run("CRG305"));

        var h = new GoodSnapshot();
        h.Probe.Image = "192.168.1.105/apps/myapp:v1";
        h.Snapshot.Projects.Add(new ProjectInfo { Name = "apps", Public = true });
        Assert.Empty(h.Run("CRG305"));
    }

    [Fact]
    public void CRG305_silent_when_the_permission_namespace_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Probe.Image = "192.168.1.105/apps/myapp:v1";
        g.Robot.Permissions[0] = PermissionInfo.Pull(U<string>());
        Assert.Empty(g.Run("CRG305"));
    }

    // CRG306
    [Fact]
    public void CRG306_fires_on_a_cluster_dns_external_url_with_chart_1_17()
    {
        var g = new GoodSnapshot();
        g.Harbor.ExternalUrl = Val.Known<string?>("http://harbor.harbor.svc.cluster.local", "L:harbor.ExternalUrl");
        var f = Assert.Single(g.Run("CRG306"));
        Assert.Equal("ExternalUrl", f.PropertyPath);
        Assert.Equal("L:harbor.ExternalUrl", f.Location);
        Assert.Contains("1.17.1", f.Message);
    }

    [Fact]
    public void CRG306_fires_on_a_scheme_mismatch()
    {
        var g = new GoodSnapshot();
        g.Harbor.ExternalUrl = Val.Known<string?>("https://192.168.1.105", "L:harbor.ExternalUrl");
        var f = Assert.Single(g.Run("CRG306"));
        Assert.Contains("uses https but the mirror endpoints reach HarborRegistry 'harbor' over http", f.Message);
    }

    [Fact]
    public void CRG306_near_miss_cluster_dns_name_on_harbor_2_14()
    {
        var g = new GoodSnapshot();
        g.Harbor.ChartVersion = Val.Known<string?>("1.18.0");
        g.Harbor.ExternalUrl = Val.Known<string?>("http://harbor.harbor.svc.cluster.local");
        Assert.Empty(g.Run("CRG306"));
    }

    [Fact]
    public void CRG306_silent_when_the_url_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Harbor.ExternalUrl = U<string?>();
        Assert.Empty(g.Run("CRG306"));
    }
}
