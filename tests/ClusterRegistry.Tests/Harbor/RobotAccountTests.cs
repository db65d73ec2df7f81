using ClusterRegistry.Harbor;
using ClusterRegistry.Tests.Support;

namespace ClusterRegistry.Tests.Harbor;

public sealed class RobotAccountTests
{
    [Fact]
    public void System_robot_full_name_is_robot_dollar_name()
    {
        RobotAccount? robot = null;
        LambdaStack.Build(() => robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Level = RobotLevel.System }));
        Assert.Equal("robot$cluster-pull", robot!.FullName);
    }

    [Fact]
    public void Project_robot_full_name_is_robot_dollar_project_plus_name()
    {
        RobotAccount? robot = null;
        LambdaStack.Build(() => robot = new RobotAccount("ci", new RobotAccountArgs { Level = RobotLevel.Project, Project = "library" }));
        Assert.Equal("robot$library+ci", robot!.FullName);
    }

    [Fact]
    public void Duration_defaults_to_never_expiring()
    {
        Assert.Equal(-1, new RobotAccountArgs().DurationDays);
        Assert.Equal(RobotLevel.System, new RobotAccountArgs().Level);
    }

    [Fact]
    public void Secret_is_an_output_of_the_robot_with_a_derived_variable_name()
    {
        RobotAccount? robot = null;
        LambdaStack.Build(() => robot = new RobotAccount("cluster-pull", new RobotAccountArgs()));

        Assert.Equal(SecretSource.ResourceOutput, robot!.Secret.Source);
        Assert.Same(robot, robot.Secret.Owner);
        Assert.Equal("secret", robot.Secret.Output);
        Assert.Equal("HARBOR_ROBOT_CLUSTER_PULL_SECRET", robot.Secret.Variable);
        Assert.Equal("${HARBOR_ROBOT_CLUSTER_PULL_SECRET}", robot.Secret.Placeholder);
        Assert.Equal("HARBOR_ROBOT_CLUSTER_PULL_USERNAME", robot.UsernameVariable);
    }

    [Fact]
    public void Variable_names_can_be_chosen_as_in_the_seed_talenv()
    {
        RobotAccount? robot = null;
        LambdaStack.Build(() => robot = new RobotAccount("cluster-pull", new RobotAccountArgs
        {
            SecretVariable = "HARBOR_ROBOT_PASSWORD",
            UsernameVariable = "HARBOR_ROBOT_USERNAME",
        }));

        Assert.Equal("HARBOR_ROBOT_PASSWORD", robot!.Secret.Variable);
        Assert.Equal("HARBOR_ROBOT_USERNAME", robot.UsernameVariable);
    }

    [Fact]
    public void Pull_and_push_permissions_describe_harbor_access()
    {
        Assert.True(RobotPermission.Pull("library").AllowsPull("library"));
        Assert.False(RobotPermission.Pull("library").AllowsPull("other"));
        Assert.True(new RobotPermission("project", "*", [new RobotAccess("repository", "pull")]).AllowsPull("other"));
        Assert.False(RobotPermission.Pull("library").GrantsMoreThanPull);
        Assert.True(RobotPermission.Push("library").GrantsMoreThanPull);
        Assert.Equal("allow", RobotPermission.Push("library").Access[1].Effect);
    }

    [Fact]
    public void Harbor_derives_service_host_and_registry_host()
    {
        HarborRegistry? harbor = null;
        HarborRegistry? tls = null;
        LambdaStack.Build(() =>
        {
            harbor = new HarborRegistry("harbor", new HarborArgs { Tls = false, LoadBalancerIP = "192.168.1.105" });
            tls = new HarborRegistry("harbor-tls", new HarborArgs { Namespace = "registry", ServiceName = "core", ExternalUrl = "https://harbor.example.org:8443" });
        });

        Assert.Equal("harbor.harbor.svc.cluster.local", harbor!.ServiceHost);
        Assert.Equal("http://harbor.harbor.svc.cluster.local", harbor.InternalEndpoint);
        Assert.Equal("http://192.168.1.105", harbor.ExternalUrl);
        Assert.Equal("192.168.1.105", harbor.RegistryHost);
        Assert.Equal("https://core.registry.svc.cluster.local", tls!.InternalEndpoint);
        Assert.Equal("harbor.example.org:8443", tls.RegistryHost);
    }
}
