using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Doctor.Tests;

/// <summary>
/// The `local` stack with the Harbor ClusterIP on a private loopback address of the test's own, so real-containerd tests
/// run beside other tests (and a sandbox run) that hold 127.0.0.243:80. Everything else is LocalStack's.
/// </summary>
public sealed class LoopbackLocalStack : Stack
{
    public const string Node = "127.0.0.1";
    public const string RegistryName = "127.0.0.105";

    public LoopbackLocalStack(string clusterIp) : base("local-loopback")
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            LoadBalancerIP = RegistryName,
            ClusterIP = clusterIp,
            ServiceSubnet = "127.0.0.0/8",
            ExternalUrl = "http://" + RegistryName,
            Tls = false,
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
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "http://" + RegistryName },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });
        var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret } };
        new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Nodes = { Node },
            Mirrors = { [RegistryName] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } } },
            RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, [RegistryName] = auth },
            ExtraHostEntries = { new TalosHostEntry { Ip = clusterIp, Aliases = { "harbor.harbor.svc.cluster.local" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
    }
}
