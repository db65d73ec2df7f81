using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Benchmarks.Synth;

/// <summary>
/// A synthetic cluster for the synth benchmark: the homelab topology (Harbor, a pull robot, Spegel with prependExisting,
/// Spegel's CRI customisation) with <see cref="Nodes"/> Talos nodes and <see cref="Registries"/> mirrored registries,
/// each with a Talos mirror to an in-cluster endpoint, auth for it and a host entry.
/// </summary>
public sealed class GeneratedStack : Stack
{
    public GeneratedStack(int nodes, int registries) : base($"generated-{nodes}x{registries}")
    {
        Nodes = nodes;
        Registries = registries;
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            ChartVersion = "1.17.1",
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = "10.43.216.243",
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
        var spegel = new SpegelArgs { ChartVersion = "0.7.4", PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" };
        var patch = new TalosMachinePatchArgs { TalosVersion = "v1.11", CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() } };
        for (var n = 0; n < nodes; n++)
        {
            patch.Nodes.Add($"10.{20 + n / 65536}.{n / 256 % 256}.{n % 256}");
        }

        for (var i = 0; i < registries; i++)
        {
            var registry = $"10.10.{i / 250}.{i % 250 + 1}";
            var service = $"registry-{i}.registries.svc.cluster.local";
            spegel.MirroredRegistries.Add("http://" + registry);
            patch.Mirrors[registry] = new TalosMirror { Endpoints = { "http://" + service } };
            patch.RegistryConfig[service] = new TalosRegistryConfig
            {
                Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret },
            };
            patch.ExtraHostEntries.Add(new TalosHostEntry { Ip = $"10.43.{100 + i / 250}.{i % 250 + 1}", Aliases = { service } });
        }

        new SpegelRelease("spegel", spegel);
        new TalosMachinePatch("machine-network", patch);
        new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs { Image = "192.168.1.105/library/myapp:v1" });
    }

    public int Nodes { get; }

    public int Registries { get; }
}
