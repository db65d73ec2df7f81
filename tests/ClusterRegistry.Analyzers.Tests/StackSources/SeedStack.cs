using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace Stacks.Seed;

/// <summary>The seed runbook's configuration verbatim (CRG105, CRG106 and CRG211 fire; docs/rules/CRG105.md, CRG106.md,
/// CRG211.md).</summary>
public sealed class SeedStack : Stack
{
    public SeedStack() : base("seed")
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            ChartVersion = "1.17.1",
            Expose = HarborExpose.LoadBalancer,
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = "10.43.216.243",
            ServiceSubnet = "10.43.0.0/16",
            // The token realm must be reachable from containerd on the host network: the LoadBalancer IP.
            ExternalUrl = "http://192.168.1.105",
            Tls = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });

        var pullRobot = new RobotAccount("cluster-pull", new RobotAccountArgs
        {
            Registry = harbor,
            Level = RobotLevel.System,
            Permissions = { RobotPermission.Pull("library") },
            Description = "Node image pulls (Talos registry auth)",
            // The runbook's talenv.sops.yaml variable names.
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
            // Preserve Talos-managed containerd mirror configs.
            PrependExisting = true,
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
            TalosVersion = "v1.11",
            Nodes = { "192.168.1.98", "192.168.1.99", "192.168.1.100" },
            Mirrors =
            {
                // Maps the LoadBalancer IP to the internal Service.
                ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } },
            },
            RegistryConfig =
            {
                // Auth for the internal endpoint.
                ["harbor.harbor.svc.cluster.local"] = pullAuth,
            },
            ExtraHostEntries =
            {
                // containerd runs on the host and cannot resolve Service names: map to the Harbor ClusterIP.
                new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } },
            },
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
