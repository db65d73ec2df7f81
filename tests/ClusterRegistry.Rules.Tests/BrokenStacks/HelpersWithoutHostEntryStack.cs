using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.BrokenStacks;

/// <summary>
/// The host entry is missing, in a stack built from private helper methods (AddHarbor, AddRobot(registry, name), ...):
/// the analyzer follows the helpers where they are called, so the stack is as complete for it as for <c>check</c>.
/// </summary>
public sealed class HelpersWithoutHostEntryStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "CRG201";

    public HelpersWithoutHostEntryStack() : base("broken-helperswithouthostentry")
    {
        var harbor = AddHarbor();
        var pullRobot = AddRobot(harbor, "cluster-pull");
        AddSpegel();
        AddTalos(pullRobot);
        AddProbe();
    }

    private static HarborRegistry AddHarbor()
    {
        return new HarborRegistry("harbor", new HarborArgs
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
    }

    private static RobotAccount AddRobot(HarborRegistry registry, string name)
    {
        return new RobotAccount(name, new RobotAccountArgs
        {
            Registry = registry,
            Level = RobotLevel.System,
            Permissions = { RobotPermission.Pull("library") },
            DurationDays = -1,
            SecretVariable = "HARBOR_ROBOT_PASSWORD",
            UsernameVariable = "HARBOR_ROBOT_USERNAME",
        });
    }

    private void AddSpegel()
    {
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
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });
    }

    private void AddTalos(RobotAccount pullRobot)
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

            },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
    }

    private void AddProbe()
    {
        new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
        {
            Image = "192.168.1.105/library/myapp:v1",
            Budget = TimeSpan.FromSeconds(1),
            ExpectedSizeBytes = 37_000_000,
            LinkMegabitsPerSecond = 1000,
        });
    }
}
