using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.BrokenStacks;

/// <summary>
/// What every environment shares, in an abstract base: Harbor, the pull robot and Spegel (with PrependExisting = false).
/// Abstract, so it is not a stack on its own; judged alone it would be incomplete, and it reports nothing about what is
/// missing (its environments complete it).
/// </summary>
public abstract class SharedClusterBase : Stack
{
    protected readonly RobotAccount pullRobot;

    protected SharedClusterBase(string name) : base(name)
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            ChartVersion = "1.17.1",
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = "10.43.216.243",
            ServiceSubnet = "10.43.0.0/16",
            PinClusterIP = true,
            ExternalUrl = "http://192.168.1.105",
            Tls = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });

        pullRobot = new RobotAccount("cluster-pull", new RobotAccountArgs
        {
            Registry = harbor,
            Level = RobotLevel.System,
            Permissions = { RobotPermission.Pull("library") },
            DurationDays = -1,
            SecretVariable = "HARBOR_ROBOT_PASSWORD",
            UsernameVariable = "HARBOR_ROBOT_USERNAME",
        });

        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = "0.7.4",
            MirroredRegistries =
            {
                "https://docker.io",
                "https://ghcr.io",
                "https://gcr.io",
                "https://registry.k8s.io",
                "https://quay.io",
                "https://mcr.microsoft.com",
                "http://192.168.1.105",
            },
            PrependExisting = false,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });
    }
}

/// <summary>
/// An environment of <see cref="SharedClusterBase"/>: it adds the Talos patch and no probe. The base's Spegel replaces
/// the Talos hosts.toml this environment writes (CRG102, only visible with both), and Harbor, declared in the base, has no
/// probe (CRG403): the analyzer must judge base and environment together, as <c>check</c> does with the built stack.
/// </summary>
public sealed class SharedBaseWithoutProbeStack : SharedClusterBase
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "CRG102,CRG403";

    public SharedBaseWithoutProbeStack() : base("broken-sharedbasewithoutprobe")
    {
        var pullAuth = new TalosRegistryConfig
        {
            Auth = new TalosRegistryAuth
            {
                Username = pullRobot.FullName,
                UsernameVariable = pullRobot.UsernameVariable,
                Password = pullRobot.Secret,
            },
        };

        new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Nodes = { "192.168.1.98", "192.168.1.99", "192.168.1.100" },
            Mirrors =
            {
                ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } },
            },
            RegistryConfig =
            {
                ["harbor.harbor.svc.cluster.local"] = pullAuth,
                ["192.168.1.105"] = pullAuth,
            },
            ExtraHostEntries =
            {
                new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } },
            },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
    }
}
