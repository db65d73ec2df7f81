using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Tests.Synth;

/// <summary>
/// Stacks for the synth verb: the repository's two, and one broken stack per class of invalid value (each the
/// homelab-like baseline with exactly one bad value), keyed by catalog name.
/// </summary>
public static class SynthTestStacks
{
    public const string Sentinel = "SENTINEL-s3cr3t-9f4c2e";

    /// <summary>Catalog name → (resource, property, value) the error must name.</summary>
    public static IReadOnlyDictionary<string, (string Resource, string Property, string Value)> Broken { get; } =
        new Dictionary<string, (string, string, string)>
        {
            ["bad-ip"] = ("TalosMachinePatch 'machine-network'", "Nodes[2]", "192.168.1.300"),
            ["bad-hostname"] = ("TalosMachinePatch 'machine-network'", "ExtraHostEntries[0].Aliases[1]", "harbor_svc!"),
            ["bad-cidr"] = ("HarborRegistry 'harbor'", "ServiceSubnet", "10.43.0.0/33"),
            ["bad-url"] = ("TalosMachinePatch 'machine-network'", "Mirrors[\"192.168.1.105\"].Endpoints[1]", "harbor.harbor.svc.cluster.local"),
            ["bad-registry-url"] = ("SpegelRelease 'spegel'", "MirroredRegistries[2]", "https://harbor/v2/proxy-docker.io"),
            ["bad-image"] = ("PullLatencyProbe 'pull-latency'", "Image", "192.168.1.105/Library/MyApp:v1"),
            ["duplicate-name"] = ("RobotAccount 'cluster-pull'", "Name", "cluster-pull"),
            ["duplicate-node"] = ("TalosMachinePatch 'machine-network'", "Nodes[3]", "192.168.1.98"),
            ["bad-cri-toml"] = ("TalosMachinePatch 'machine-network'", "CriCustomizations[broken].Content", "[plugins\n"),
            ["wildcard-tls"] = ("TalosMachinePatch 'machine-network'", "RegistryConfig[\"*\"].Tls", "*"),
        };

    public static StackCatalog Catalog()
    {
        var catalog = new StackCatalog()
            .Add("homelab", () => new Stacks.HomelabStack())
            .Add("local", () => new Stacks.LocalStack())
            .Add("plaintext", () => new TestStack("plaintext", () => Declare(null, plaintextAdmin: true)));
        foreach (var name in Broken.Keys)
        {
            catalog.Add(name, () => new TestStack(name, () => Declare(name, plaintextAdmin: true)));
        }

        return catalog;
    }

    private static void Declare(string? broken, bool plaintextAdmin)
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            ChartVersion = "1.17.1",
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = "10.43.216.243",
            ServiceSubnet = broken == "bad-cidr" ? "10.43.0.0/33" : "10.43.0.0/16",
            ExternalUrl = "http://192.168.1.105",
            Tls = false,
            // A value written in source: it must still never reach a file or a message.
            AdminPassword = plaintextAdmin ? Secret.FromPlaintextUnsafe("HARBOR_ADMIN_PASSWORD", Sentinel) : Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });
        var robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("library") }, SecretVariable = "HARBOR_ROBOT_PASSWORD", UsernameVariable = "HARBOR_ROBOT_USERNAME" });
        if (broken == "duplicate-name")
        {
            new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor });
        }

        var spegel = new SpegelArgs
        {
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "http://192.168.1.105" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        };
        if (broken == "bad-registry-url")
        {
            spegel.MirroredRegistries.Add("https://harbor/v2/proxy-docker.io");
        }

        new SpegelRelease("spegel", spegel);
        var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret } };
        var mirror = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } };
        var patch = new TalosMachinePatchArgs
        {
            Nodes = { "192.168.1.98", "192.168.1.99", broken == "bad-ip" ? "192.168.1.300" : "192.168.1.100" },
            Mirrors = { ["192.168.1.105"] = mirror },
            RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, ["192.168.1.105"] = auth },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        };
        switch (broken)
        {
            case "bad-hostname":
                patch.ExtraHostEntries[0].Aliases.Add("harbor_svc!");
                break;
            case "bad-url":
                mirror.Endpoints.Add("harbor.harbor.svc.cluster.local");
                break;
            case "duplicate-node":
                patch.Nodes.Add("192.168.1.98");
                break;
            case "bad-cri-toml":
                patch.CriCustomizations.Add(new TalosCriCustomization { Name = "broken", Content = "[plugins\n" });
                break;
            case "wildcard-tls":
                patch.RegistryConfig["*"] = new TalosRegistryConfig { Tls = new TalosRegistryTls { InsecureSkipVerify = true } };
                break;
        }

        new TalosMachinePatch("machine-network", patch);
        new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs { Image = broken == "bad-image" ? "192.168.1.105/Library/MyApp:v1" : "192.168.1.105/library/myapp:v1" });
    }
}
