using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace Stacks;

/// <summary>
/// Benchmark-only: a node with 50 mirrored registries (the doctor budget case of bench/doctor/run.sh), each with a Talos
/// mirror to an in-cluster endpoint, auth and a host entry, all mirrored by Spegel with prependExisting. Listed as
/// <c>bench-doctor-50</c> only when <c>CLUSTERREGISTRY_BENCH_STACKS=1</c> (see <see cref="BenchStack.AddWhenEnabled"/>).
/// </summary>
public sealed class FiftyRegistryStack : Stack
{
    public const string Node = "192.168.1.98";
    public const int Registries = 50;

    public FiftyRegistryStack() : base("bench-doctor-50")
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs { LoadBalancerIP = "192.168.1.105", ClusterIP = "10.43.216.243", Tls = false, ExternalUrl = "http://192.168.1.105" });
        var robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("library") }, SecretVariable = "HARBOR_ROBOT_PASSWORD" });
        var spegel = new SpegelArgs { PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts", ChartVersion = "0.7.4" };
        var patch = new TalosMachinePatchArgs { TalosVersion = "v1.11", Nodes = { Node }, CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() } };
        for (var i = 0; i < Registries; i++)
        {
            var registry = $"10.10.{i / 250}.{i % 250 + 1}";
            var service = $"registry-{i}.registries.svc.cluster.local";
            spegel.MirroredRegistries.Add("http://" + registry);
            patch.Mirrors[registry] = new TalosMirror { Endpoints = { "http://" + service } };
            patch.RegistryConfig[service] = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, Password = robot.Secret } };
            patch.ExtraHostEntries.Add(new TalosHostEntry { Ip = $"10.43.100.{i + 1}", Aliases = { service } });
        }

        new SpegelRelease("spegel", spegel);
        new TalosMachinePatch("machine-network", patch);
    }
}
