using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.BrokenStacks;

/// <summary>
/// The seed runbook (shared/seed/harbor-spegel-talos.md) written verbatim: its snippets as-is, nothing added. Spegel's
/// HelmRelease snippet has no containerdRegistryConfigPath (CRG105), there is no discard_unpacked_layers customisation
/// (CRG106, Talos v1.11), and auth exists only for harbor.harbor.svc.cluster.local, so the fallback to the LoadBalancer IP
/// carries no credentials (CRG211). Exactly these three fire (docs/rules/CRG105.md, CRG106.md, CRG211.md).
/// </summary>
public sealed class SeedRunbookStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "CRG105,CRG106,CRG211";

    public SeedRunbookStack() : base("seed")
    {
        // Key IPs table: Harbor LoadBalancer 192.168.1.105:80, Harbor ClusterIP 10.43.216.243:80, plain HTTP.
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            Expose = HarborExpose.LoadBalancer,
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = "10.43.216.243",
            // "Docker auth realm must be reachable from containerd: LoadBalancer IP (192.168.1.105) on host network".
            ExternalUrl = "http://192.168.1.105",
            Tls = false,
        });

        // talenv.sops.yaml: HARBOR_ROBOT_USERNAME: robot$cluster-pull.
        new RobotAccount("cluster-pull", new RobotAccountArgs
        {
            Registry = harbor,
            Level = RobotLevel.System,
            Permissions = { RobotPermission.Pull("library") },
            SecretVariable = "HARBOR_ROBOT_PASSWORD",
            UsernameVariable = "HARBOR_ROBOT_USERNAME",
        });

        // kubernetes/apps/kube-system/spegel/app/helmrelease.yaml, as the snippet shows it.
        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
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
            // WHY: Preserve Talos-managed containerd mirror configs
            PrependExisting = true,
        });

        // talos/patches/global/machine-network.yaml.
        new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Nodes = { "192.168.1.98", "192.168.1.99", "192.168.1.100" },
            Mirrors =
            {
                // Maps LoadBalancer IP to internal service
                ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } },
            },
            RegistryConfig =
            {
                // Auth for the internal endpoint
                ["harbor.harbor.svc.cluster.local"] = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth
                    {
                        Username = "robot$cluster-pull",
                        UsernameVariable = "HARBOR_ROBOT_USERNAME",
                        Password = Secret.FromEnvironment("HARBOR_ROBOT_PASSWORD"),
                    },
                },
            },
            ExtraHostEntries =
            {
                // containerd runs on host, can't resolve k8s service names
                new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } },
            },
        });

        // Verification: "Should complete in <1s for ~40MB images".
        new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
        {
            Image = "192.168.1.105/library/myapp:v1",
            Budget = TimeSpan.FromSeconds(1),
            ExpectedSizeBytes = 40_000_000,
        });
    }
}
