using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace Stacks;

/// <summary>
/// Benchmark-only: the homelab topology on <paramref name="nodes"/> generated nodes (10.0.x.y, data only), for the compiler
/// and diff timings of bench/pulumi/run.sh. Not an environment: the catalog lists it only when
/// <c>CLUSTERREGISTRY_BENCH_STACKS=1</c>, as <c>bench-500</c>, and <c>bench-500-base</c> (<paramref name="asBase"/>) is
/// the same cluster before a typical change: the previous Spegel chart and Harbor's ClusterIP, so every node's patch
/// differs (the worst case for diff).
/// </summary>
public sealed class BenchStack : Stack
{
    public const string EnableVariable = "CLUSTERREGISTRY_BENCH_STACKS";

    public BenchStack(int nodes, bool asBase = false) : base($"bench-{nodes}") // the base is the same stack at an older commit
    {
        var clusterIp = asBase ? "10.43.216.240" : "10.43.216.243";
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            ChartVersion = "1.17.1",
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = clusterIp,
            ServiceSubnet = "10.43.0.0/16",
            ExternalUrl = "http://192.168.1.105",
            Tls = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });
        var robot = new RobotAccount("cluster-pull", new RobotAccountArgs
        {
            Registry = harbor,
            Permissions = { RobotPermission.Pull("library") },
            SecretVariable = "HARBOR_ROBOT_PASSWORD",
            UsernameVariable = "HARBOR_ROBOT_USERNAME",
        });
        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = asBase ? "0.7.3" : "0.7.4",
            MirroredRegistries = { "https://docker.io", "https://ghcr.io", "https://registry.k8s.io", "http://192.168.1.105" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });
        var auth = new TalosRegistryConfig
        {
            Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret },
        };
        var patch = new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } } },
            RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, ["192.168.1.105"] = auth },
            ExtraHostEntries = { new TalosHostEntry { Ip = clusterIp, Aliases = { "harbor.harbor.svc.cluster.local" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        };
        for (var i = 0; i < nodes; i++)
        {
            patch.Nodes.Add($"10.0.{i / 250}.{(i % 250) + 1}");
        }

        new TalosMachinePatch("machine-network", patch);
        new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
        {
            Image = "192.168.1.105/library/myapp:v1",
            Budget = TimeSpan.FromSeconds(1),
            ExpectedSizeBytes = 37_000_000,
            LinkMegabitsPerSecond = 1000,
        });
    }

    /// <summary>Adds the bench stacks to <paramref name="catalog"/> when <see cref="EnableVariable"/> is <c>1</c>.</summary>
    public static StackCatalog AddWhenEnabled(StackCatalog catalog, Func<string, string?>? env = null)
    {
        if ((env ?? Environment.GetEnvironmentVariable)(EnableVariable) == "1")
        {
            catalog.Add("bench-500", () => new BenchStack(500)).Add("bench-500-base", () => new BenchStack(500, asBase: true))
                .Add("bench-doctor-50", () => new FiftyRegistryStack());
        }

        return catalog;
    }
}
