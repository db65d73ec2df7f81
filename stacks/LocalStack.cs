using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace Stacks;

/// <summary>
/// The homelab topology on this machine's loopback range, for the local sandbox: a registry (CNCF distribution, the
/// registry inside Harbor) stands in for Harbor's ClusterIP at 127.0.0.243:80, image references name the "LoadBalancer"
/// 127.0.0.105, and one node, 127.0.0.1, runs a real containerd with the node view applied. Spegel's ports (30020/30021)
/// must answer 404, not refuse: containerd 1.6 reports the first error of its hosts list and a 404 is not one, so a refused
/// mirror port would hide Harbor's 401 behind "connection refused". sandbox.sh therefore serves empty registries there,
/// as a Spegel whose peers lack the image answers.
/// </summary>
public sealed class LocalStack : Stack
{
    public const string RegistryName = "127.0.0.105";
    public const string ClusterIp = "127.0.0.243";
    public const string NodeIp = "127.0.0.1";

    public LocalStack() : base("local")
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            ChartVersion = "1.17.1",
            LoadBalancerIP = RegistryName,
            ClusterIP = ClusterIp,
            ServiceSubnet = "127.0.0.0/8",
            ExternalUrl = "http://" + RegistryName,
            Tls = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });

        var pullRobot = new RobotAccount("cluster-pull", new RobotAccountArgs
        {
            Registry = harbor,
            Level = RobotLevel.System,
            Permissions = { RobotPermission.Pull("library") },
            SecretVariable = "HARBOR_ROBOT_PASSWORD",
            UsernameVariable = "HARBOR_ROBOT_USERNAME",
        });

        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "http://" + RegistryName },
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
            TalosVersion = "v1.11",
            Nodes = { NodeIp },
            Mirrors =
            {
                [RegistryName] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } },
            },
            RegistryConfig =
            {
                ["harbor.harbor.svc.cluster.local"] = pullAuth,
                [RegistryName] = pullAuth,
            },
            ExtraHostEntries =
            {
                new TalosHostEntry { Ip = ClusterIp, Aliases = { "harbor.harbor.svc.cluster.local" } },
            },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });

        new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
        {
            Image = RegistryName + "/library/app:v1",
            Budget = TimeSpan.FromSeconds(2),
            ExpectedSizeBytes = 40_000_000,
            LinkMegabitsPerSecond = 10_000,
            Nodes = { NodeIp },
        });
    }
}
