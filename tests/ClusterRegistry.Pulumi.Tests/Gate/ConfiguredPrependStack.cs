using System.Text.Json;
using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace GateFixtures;

/// <summary>
/// A stack whose Spegel <c>PrependExisting</c> comes from the Pulumi stack configuration
/// (<c>clusterregistry:spegelPrependExisting</c> in <c>PULUMI_CONFIG</c>, the JSON map Pulumi hands the compiler), so
/// the analyzer cannot see it: only the compiler's gate on the real values can stop a <c>false</c> (CRG102). Otherwise
/// sound (the local stack's topology). The built-binary tests compile this same file into a stand-alone stack program.
/// </summary>
public sealed class ConfiguredPrependStack : Stack
{
    public const string StackName = "edge";

    public ConfiguredPrependStack() : base(StackName)
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            ChartVersion = "1.17.1",
            LoadBalancerIP = "127.0.0.105",
            ClusterIP = "127.0.0.243",
            ServiceSubnet = "127.0.0.0/8",
            ExternalUrl = "http://127.0.0.105",
            Tls = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });

        var pull = new RobotAccount("cluster-pull", new RobotAccountArgs
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
            MirroredRegistries = { "https://docker.io", "http://127.0.0.105" },
            PrependExisting = ConfigFlag("spegelPrependExisting", defaultValue: true),
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });

        var auth = new TalosRegistryConfig
        {
            Auth = new TalosRegistryAuth { Username = pull.FullName, UsernameVariable = pull.UsernameVariable, Password = pull.Secret },
        };

        new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Nodes = { "127.0.0.1" },
            Mirrors = { ["127.0.0.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } } },
            RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, ["127.0.0.105"] = auth },
            ExtraHostEntries = { new TalosHostEntry { Ip = "127.0.0.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
    }

    /// <summary>A boolean from the stack configuration Pulumi passes in PULUMI_CONFIG ("clusterregistry:KEY": "true"/"false").</summary>
    private static bool ConfigFlag(string key, bool defaultValue)
    {
        var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        if (string.IsNullOrEmpty(json))
        {
            return defaultValue;
        }

        using var config = JsonDocument.Parse(json);
        return config.RootElement.TryGetProperty("clusterregistry:" + key, out var v) ? bool.Parse(v.GetString()!) : defaultValue;
    }
}
