using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace MyCluster.Stacks;

/// <summary>
/// What every environment shares: Harbor behind its LoadBalancer IP, the robot the nodes pull with, Spegel. Each
/// environment (one class per file beside this one) adds its nodes, its Talos version and its probe budget. The
/// analyzers judge every environment on this base plus its own declarations.
/// </summary>
public abstract class ClusterStack : Stack
{
    protected const string HarborClusterIp = "10.43.216.243";
    protected const string HarborService = "harbor.harbor.svc.cluster.local";

    private readonly string harborIp;
    private readonly RobotAccount pullRobot;

    /// <param name="name">The stack name (Pulumi stack, --stack).</param>
    /// <param name="harborIp">Harbor's LoadBalancer IP in this environment: the registry name images are pulled by.</param>
    protected ClusterStack(string name, string harborIp) : base(name)
    {
        this.harborIp = harborIp;
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            ChartVersion = "1.17.1",
            LoadBalancerIP = harborIp,
            ClusterIP = HarborClusterIp,
            ServiceSubnet = "10.43.0.0/16",
            ExternalUrl = "http://" + harborIp,
            Tls = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });

        pullRobot = new RobotAccount("cluster-pull", new RobotAccountArgs
        {
            Registry = harbor,
            Level = RobotLevel.System,
            Permissions = { RobotPermission.Pull("library") },
            Description = "Node image pulls (Talos registry auth)",
            SecretVariable = "HARBOR_ROBOT_PASSWORD",
            UsernameVariable = "HARBOR_ROBOT_USERNAME",
        });

        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "https://ghcr.io", "https://registry.k8s.io", "http://" + harborIp },
            PrependExisting = true,                                  // keep Talos's own hosts.toml entries (CRG102)
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",  // where Talos's containerd reads them (CRG105)
        });
    }

    /// <summary>The Talos registry patch for this environment's nodes: mirror, auth on both hosts, host entry.</summary>
    protected void AddTalosPatch(string talosVersion, params string[] nodes)
    {
        var auth = new TalosRegistryConfig
        {
            Auth = new TalosRegistryAuth { Username = pullRobot.FullName, UsernameVariable = pullRobot.UsernameVariable, Password = pullRobot.Secret },
        };
        var args = new TalosMachinePatchArgs
        {
            TalosVersion = talosVersion,
            Mirrors = { [harborIp] = new TalosMirror { Endpoints = { "http://" + HarborService } } },
            RegistryConfig = { [HarborService] = auth, [harborIp] = auth },
            ExtraHostEntries = { new TalosHostEntry { Ip = HarborClusterIp, Aliases = { HarborService } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },  // Talos >= 1.8 (CRG106)
        };
        foreach (var node in nodes)
        {
            args.Nodes.Add(node);
        }

        new TalosMachinePatch("machine-network", args);
    }

    /// <summary>The post-deploy pull gate: a cold pull of this image through the mirror path within the budget.</summary>
    protected void AddProbe(TimeSpan budget) => new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
    {
        Image = harborIp + "/library/myapp:v1",
        Budget = budget,
        ExpectedSizeBytes = 37_000_000,
        LinkMegabitsPerSecond = 1000,
    });
}
