using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.BrokenStacks;

/// <summary>A mirror sets SkipFallback on Talos v1.8, which has no skipFallback (added in v1.9, siderolabs/talos#9723): Talos rejects the config.</summary>
public sealed class SkipFallbackOnOldTalosStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "CRG215";

    public SkipFallbackOnOldTalosStack() : base("broken-skipfallbackonoldtalos")
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

        var pullRobot = new RobotAccount("cluster-pull", new RobotAccountArgs
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
            ChartVersion = "0.6.0",
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
            TalosVersion = "v1.8",
            Nodes = { "192.168.1.98", "192.168.1.99", "192.168.1.100" },
            Mirrors =
            {
                ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" }, SkipFallback = false },
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

        new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
        {
            Image = "192.168.1.105/library/myapp:v1",
            Budget = TimeSpan.FromSeconds(1),
            ExpectedSizeBytes = 37_000_000,
            LinkMegabitsPerSecond = 1000,
        });
    }
}
