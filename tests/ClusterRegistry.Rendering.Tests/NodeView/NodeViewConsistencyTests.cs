using ClusterRegistry.Rendering.NodeView;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Tests.NodeView;

/// <summary>
/// The whole-stack view (computed once per distinct set of patches) equals the single-node view doctor and the sandbox
/// use, node by node, also when patches overlap.
/// </summary>
public sealed class NodeViewConsistencyTests
{
    private static Stack Overlapping() => TestStack.Build(() =>
    {
        new SpegelRelease("spegel", new SpegelArgs
        {
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "http://192.168.1.105", "https://ghcr.io" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });
        new TalosMachinePatch("global", new TalosMachinePatchArgs
        {
            Nodes = { "192.168.1.98", "192.168.1.99", "192.168.1.100" },
            Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } } },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
        new TalosMachinePatch("workers", new TalosMachinePatchArgs
        {
            Nodes = { "192.168.1.99", "192.168.1.100" },
            Mirrors = { ["ghcr.io"] = new TalosMirror { Endpoints = { "https://harbor.example.org/v2/proxy-ghcr" }, OverridePath = true } },
            RegistryConfig = { ["harbor.example.org"] = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = "robot$ci", Password = Secret.FromEnvironment("CI_PASSWORD") } } },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor" } } },
            Files = { new TalosFile { Path = "/var/etc/worker", Content = "worker\n" } },
        });
        new TalosMachinePatch("newer", new TalosMachinePatchArgs { TalosVersion = "v1.14", Nodes = { "192.168.1.100" } });
    });

    [Fact]
    public void Whole_stack_view_equals_single_node_views()
    {
        var stack = Overlapping();
        var view = NodeViewRenderer.Render(stack);
        Assert.Equal(3, view.Nodes.Count);
        foreach (var (node, files) in view.Nodes)
        {
            var single = NodeViewRenderer.RenderNode(stack, node);
            Assert.Equal(single.Keys, files.Keys);
            foreach (var (path, content) in single)
            {
                Assert.True(content == files[path], $"{node}/{path} differs");
            }
        }
    }

    [Fact]
    public void Patch_sets_make_the_difference_between_nodes()
    {
        var view = NodeViewRenderer.Render(Overlapping());
        var only98 = view.Nodes["192.168.1.98"];
        var worker = view.Nodes["192.168.1.99"];
        var newer = view.Nodes["192.168.1.100"];
        Assert.False(only98.ContainsKey("var/etc/worker"));
        Assert.Equal("worker\n", worker["var/etc/worker"]);
        Assert.Contains("harbor.example.org", worker["etc/cri/conf.d/cri.toml"]);
        Assert.Contains("10.43.216.243 harbor.harbor.svc.cluster.local harbor\n", worker["etc/hosts"]);
        Assert.Contains("[host.'https://harbor.example.org/v2/proxy-ghcr']\ncapabilities = ['pull', 'resolve']\noverride_path = true", worker["etc/cri/conf.d/hosts/ghcr.io/hosts.toml"]);
        Assert.DoesNotContain("proxy-ghcr", only98["etc/cri/conf.d/hosts/ghcr.io/hosts.toml"]);
        // v1.14: the registry part and customisation are merged in memory, not written as .part files.
        Assert.False(newer.ContainsKey("etc/cri/conf.d/01-registries.part"));
        Assert.StartsWith("## in-memory registries (sha256:", newer["etc/cri/conf.d/cri.toml"]);
        Assert.Contains("[host.'http://192.168.1.100:30020']", newer["etc/cri/conf.d/hosts/docker.io/hosts.toml"]);
    }
}
