using System.Collections;
using System.Reflection;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Tests.Model;

/// <summary>Args classes are written with object, collection and dictionary initialisers, Pulumi style.</summary>
public sealed class InitializerTests
{
    public static IEnumerable<object[]> ArgsTypes() =>
        typeof(Stack).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null &&
                        t.GetProperties().Any(p => IsCollection(p.PropertyType)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new object[] { t.FullName! });

    [Fact]
    public void The_model_has_args_types_with_collections()
    {
        var names = ArgsTypes().Select(a => (string)a[0]).ToList();
        Assert.Contains(typeof(TalosMachinePatchArgs).FullName, names);
        Assert.Contains(typeof(SpegelArgs).FullName, names);
        Assert.Contains(typeof(HarborArgs).FullName, names);
        Assert.Contains(typeof(RobotAccountArgs).FullName, names);
        Assert.Contains(typeof(TalosMirror).FullName, names);
        Assert.Contains(typeof(TalosHostEntry).FullName, names);
        Assert.Contains(typeof(PullLatencyProbeArgs).FullName, names);
    }

    [Theory]
    [MemberData(nameof(ArgsTypes))]
    public void Collection_properties_are_get_only_and_initialised(string typeName)
    {
        var type = typeof(Stack).Assembly.GetType(typeName)!;
        var instance = Activator.CreateInstance(type)!;
        foreach (var p in type.GetProperties().Where(p => IsCollection(p.PropertyType)))
        {
            Assert.True(p.SetMethod is null || !p.SetMethod.IsPublic, $"{type.Name}.{p.Name} has a public setter");
            var value = p.GetValue(instance);
            Assert.NotNull(value);
            Assert.Empty((IEnumerable)value!);
        }
    }

    [Fact]
    public void Object_collection_and_dictionary_initialisers_fill_the_model()
    {
        var args = new TalosMachinePatchArgs
        {
            TalosVersion = "v1.12",
            Nodes = { "192.168.1.98", "192.168.1.99" },
            Mirrors =
            {
                ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" }, SkipFallback = false },
            },
            RegistryConfig =
            {
                ["harbor.harbor.svc.cluster.local"] = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth { Username = "robot$pull", Password = Secret.FromEnvironment("PW") },
                },
            },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local", "harbor" } } },
            Files = { new TalosFile { Path = "/var/etc/x", Content = "x" } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        };
        var harbor = new HarborArgs { ExtraValues = { ["core.replicas"] = "2" } };
        var spegel = new SpegelArgs { MirroredRegistries = { "https://docker.io" }, NamespaceLabels = { ["team"] = "infra" }, AdditionalMirrorTargets = { "https://mirror" } };
        var robot = new RobotAccountArgs { Permissions = { RobotPermission.Pull("library"), RobotPermission.Push("ci") } };

        Assert.Equal(["192.168.1.98", "192.168.1.99"], args.Nodes);
        Assert.Equal(["http://harbor.harbor.svc.cluster.local"], args.Mirrors["192.168.1.105"].Endpoints);
        Assert.False(args.Mirrors["192.168.1.105"].SkipFallback);
        Assert.Null(args.Mirrors["192.168.1.105"].OverridePath);
        Assert.Equal("robot$pull", args.RegistryConfig["harbor.harbor.svc.cluster.local"].Auth!.Username);
        Assert.Equal(["harbor.harbor.svc.cluster.local", "harbor"], Assert.Single(args.ExtraHostEntries).Aliases);
        Assert.Equal("/var/etc/x", Assert.Single(args.Files).Path);
        Assert.Equal("spegel", Assert.Single(args.CriCustomizations).Name);
        Assert.Equal("2", harbor.ExtraValues["core.replicas"]);
        Assert.Equal("infra", spegel.NamespaceLabels["team"]);
        Assert.Equal(2, robot.Permissions.Count);
        Assert.Equal(["pull", "push"], robot.Permissions[1].Access.Select(a => a.Action));
    }

    [Fact]
    public void Dictionaries_compare_keys_ordinally()
    {
        var args = new TalosMachinePatchArgs { Mirrors = { ["Docker.io"] = new TalosMirror() } };
        Assert.False(args.Mirrors.ContainsKey("docker.io"));
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var patch = new TalosMachinePatchArgs();
        Assert.Equal("v1.11", patch.TalosVersion);
        Assert.Equal(TalosApplyMethod.TalosctlPatch, patch.ApplyMethod);
        var harbor = new HarborArgs();
        Assert.Equal(("harbor", "harbor", HarborExpose.LoadBalancer, true, true, false, ReleaseDelivery.Flux),
            (harbor.Namespace, harbor.ServiceName, harbor.Expose, harbor.Tls, harbor.PinClusterIP, harbor.Trivy, harbor.Delivery));
        var spegel = new SpegelArgs();
        Assert.Equal(("kube-system", false, null, true, 30020, 30021), (spegel.Namespace, spegel.PrependExisting, spegel.ContainerdRegistryConfigPath, spegel.ResolveTags, spegel.RegistryHostPort, spegel.RegistryNodePort));
        var probe = new PullLatencyProbeArgs();
        Assert.Equal((TimeSpan.FromSeconds(1), "cri", TimeSpan.FromMinutes(2)), (probe.Budget, probe.Via, probe.Timeout));
    }

    private static bool IsCollection(Type t) =>
        t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && !t.IsArray && t.IsGenericType &&
        (t.GetGenericTypeDefinition() == typeof(List<>) || t.GetGenericTypeDefinition() == typeof(Dictionary<,>));
}
