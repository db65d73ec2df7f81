using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;
using Stacks;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>
/// The repository's stacks plus variants that exercise the other emitter paths: direct Helm installs, the Talos provider's
/// ConfigurationApply, a Spegel namespace of its own, projects and a project robot, and generated large clusters.
/// </summary>
public static class TestStacks
{
    /// <summary>A secret value planted in the environment and in a plaintext secret: it must never reach a program.</summary>
    public const string Sentinel = "SENTINEL-7f3a9c-do-not-print";

    public static IEnumerable<object[]> AllNames() =>
        StackDirectory.Catalog.Names.Concat(new[] { "variant", "generated-20", RegistryProbeStack.StackName, "bench-500", "bench-500-base" }).Select(n => new object[] { n });

    public static Stack Build(string name) => name switch
    {
        "variant" => Stack.Build(() => new VariantStack()),
        "bench-500" => Stack.Build(() => new BenchStack(500)),
        "bench-500-base" => Stack.Build(() => new BenchStack(500, asBase: true)),
        RegistryProbeStack.StackName => Stack.Build(() => new RegistryProbeStack("127.0.0.1:5999", TimeSpan.FromSeconds(30))),
        _ when name.StartsWith("generated-", StringComparison.Ordinal) =>
            Stack.Build(() => new GeneratedStack(int.Parse(name["generated-".Length..], System.Globalization.CultureInfo.InvariantCulture))),
        _ => StackDirectory.Catalog.Build(name),
    };
}

/// <summary>Helm delivery, ConfigurationApply, Spegel in its own namespace, a project and a project-level push robot.</summary>
public sealed class VariantStack : Stack
{
    public VariantStack() : base("variant")
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "registry",
            ChartVersion = "1.17.1",
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = "10.43.216.243",
            ExternalUrl = "http://192.168.1.105",
            Tls = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
            Delivery = ReleaseDelivery.Helm,
            ExtraValues = { ["core.replicas"] = "2" },
        });

        new HarborProject("apps", new HarborProjectArgs { Registry = harbor, StorageQuotaGiB = 50 });
        new HarborProject("proxy-dockerhub", new HarborProjectArgs
        {
            Registry = harbor,
            Public = true,
            ProxyCache = new HarborProxyCacheArgs { Upstream = "docker.io", AccessId = "homelab", AccessSecret = Secret.FromEnvironment("DOCKERHUB_TOKEN") },
        });

        var pull = new RobotAccount("node-pull", new RobotAccountArgs
        {
            Registry = harbor,
            Permissions = { RobotPermission.Pull("apps") },
        });

        new RobotAccount("ci", new RobotAccountArgs
        {
            Registry = harbor,
            Level = RobotLevel.Project,
            Project = "apps",
            Permissions = { RobotPermission.Push("apps") },
            DurationDays = 90,
        });

        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "spegel",
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "http://192.168.1.105" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            Delivery = ReleaseDelivery.Helm,
        });

        var auth = new TalosRegistryConfig
        {
            Auth = new TalosRegistryAuth { Username = pull.FullName, UsernameVariable = pull.UsernameVariable, Password = pull.Secret },
        };
        new TalosMachinePatch("registry", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Nodes = { "192.168.1.98", "192.168.1.99" },
            Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.registry.svc.cluster.local" } } },
            RegistryConfig = { ["harbor.registry.svc.cluster.local"] = auth },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.registry.svc.cluster.local" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
            ApplyMethod = TalosApplyMethod.ConfigurationApply,
        });

        new PullLatencyProbe("pull", new PullLatencyProbeArgs { Image = "192.168.1.105/apps/app:v1", Budget = TimeSpan.FromSeconds(2) });
    }
}

/// <summary>The homelab topology on <paramref name="nodes"/> nodes (10.0.x.y): the size the performance figures use.</summary>
public sealed class GeneratedStack : Stack
{
    public GeneratedStack(int nodes, bool pinClusterIp = true, bool prependExisting = true) : base("generated-" + nodes)
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            ChartVersion = "1.17.1",
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = "10.43.216.243",
            PinClusterIP = pinClusterIp,
            ExternalUrl = "http://192.168.1.105",
            Tls = false,
            AdminPassword = Secret.FromPlaintextUnsafe("HARBOR_ADMIN_PASSWORD", TestStacks.Sentinel),
        });
        var robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("library") } });
        new SpegelRelease("spegel", new SpegelArgs
        {
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "http://192.168.1.105" },
            PrependExisting = prependExisting,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });
        var args = new TalosMachinePatchArgs
        {
            Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } } },
            RegistryConfig =
            {
                ["harbor.harbor.svc.cluster.local"] = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret },
                },
            },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        };
        for (var i = 0; i < nodes; i++)
        {
            args.Nodes.Add($"10.0.{i / 250}.{(i % 250) + 1}");
        }

        new TalosMachinePatch("machine-network", args);
        new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs { Image = "192.168.1.105/library/myapp:v1" });
    }
}

/// <summary>
/// A registry-path probe against a real registry on loopback (<paramref name="host"/> = <c>127.0.0.1:PORT</c>): Harbor's
/// external URL names the host over http, a pull robot, a Talos patch giving containerd the robot's credentials for the
/// host, and a <c>--via registry</c> probe of <c>host/library/app:v1</c>. The variable names are this stack's own, so the
/// test that sets them process-wide does not meet the HARBOR_* variables of other tests.
/// </summary>
public sealed class RegistryProbeStack : Stack
{
    public const string StackName = "registry-probe";
    public const string UsernameVariable = "PROBE_ROBOT_USERNAME";
    public const string PasswordVariable = "PROBE_ROBOT_PASSWORD";

    public RegistryProbeStack(string host, TimeSpan budget) : base(StackName)
    {
        var address = host.Split(':')[0];
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            ChartVersion = "1.17.1",
            LoadBalancerIP = address,
            ClusterIP = "10.43.216.243",
            ExternalUrl = "http://" + host,
            Tls = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });
        var robot = new RobotAccount("probe-pull", new RobotAccountArgs
        {
            Registry = harbor,
            Permissions = { RobotPermission.Pull("library") },
            SecretVariable = PasswordVariable,
            UsernameVariable = UsernameVariable,
        });
        new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
        {
            Nodes = { "10.0.0.1" },
            RegistryConfig =
            {
                [host] = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret },
                },
            },
        });
        new SpegelRelease("spegel", new SpegelArgs
        {
            ChartVersion = "0.7.4",
            MirroredRegistries = { "http://" + host },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });
        new PullLatencyProbe("pull", new PullLatencyProbeArgs { Image = host + "/library/app:v1", Via = "registry", Budget = budget });
    }
}
