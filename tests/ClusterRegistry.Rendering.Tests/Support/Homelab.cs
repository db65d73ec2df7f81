using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Tests.Support;

/// <summary>The real homelab stack, and variants of it for other Talos versions and TLS settings.</summary>
public static class Homelab
{
    public static Stack Build() => Stacks.StackDirectory.Catalog.Build("homelab");

    /// <summary>A homelab-like stack at <paramref name="talosVersion"/>, with a TLS endpoint so TLS documents are rendered too.</summary>
    public static Stack AtTalosVersion(string talosVersion) => TestStack.Build(() =>
    {
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
        new SpegelRelease("spegel", new SpegelArgs
        {
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "http://192.168.1.105" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });
        new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
        {
            TalosVersion = talosVersion,
            Nodes = { "192.168.1.98", "192.168.1.99" },
            Mirrors =
            {
                ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } },
                ["ghcr.io"] = new TalosMirror { Endpoints = { "https://harbor.example.org/v2/proxy-ghcr" }, OverridePath = true, SkipFallback = false },
            },
            RegistryConfig =
            {
                ["harbor.harbor.svc.cluster.local"] = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret },
                },
                ["harbor.example.org"] = new TalosRegistryConfig
                {
                    Tls = new TalosRegistryTls
                    {
                        Ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                        ClientCertificate = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
                        ClientKey = Secret.FromEnvironment("HARBOR_CLIENT_KEY"),
                    },
                },
            },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
    });
}
