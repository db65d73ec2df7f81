using ClusterRegistry.Rendering.NodeView;
using ClusterRegistry.Rules.Tests.RealStacks;

namespace ClusterRegistry.Rendering.Tests.NodeView;

/// <summary>
/// The node view of stacks transcribed from public repositories: a proxy-cache mirror with overridePath behind Spegel's
/// own targets (vrozaksen/home-ops), and what Spegel's default list does to Talos mirrors (j0sh3rs/home-ops, CRG101).
/// </summary>
public sealed class RealStackNodeViewTests
{
    [Fact]
    public void Proxy_cache_mirror_keeps_override_path_after_spegels_targets()
    {
        var node = NodeViewRenderer.RenderNode(RealStackCatalog.Build(typeof(VrozaksenHomeOpsStack)), "10.10.0.15");
        var hosts = node["etc/cri/conf.d/hosts/docker.io/hosts.toml"];
        var expected =
            "server = 'https://registry-1.docker.io'\n" +
            "\n" +
            "[host.'http://10.10.0.15:29999']\n" +
            "capabilities = ['pull', 'resolve']\n" +
            "dial_timeout = '200ms'\n" +
            "\n" +
            "[host.'http://10.10.0.15:30021']\n" +
            "capabilities = ['pull', 'resolve']\n" +
            "dial_timeout = '200ms'\n" +
            "\n" +
            "[host.'https://registry.vzkn.eu/v2/proxy-dockerhub']\n" +
            "capabilities = ['pull', 'resolve']\n" +
            "override_path = true";
        Assert.Equal(expected, hosts);
        // Talos's own file, as Spegel found it, waits in _backup.
        Assert.Contains("override_path = true", node["etc/cri/conf.d/hosts/_backup/docker.io/hosts.toml"]);
    }

    [Fact]
    public void Spegels_default_list_leaves_the_talos_mirrors_in_backup()
    {
        var node = NodeViewRenderer.RenderNode(RealStackCatalog.Build(typeof(J0sh3rsHomeOpsStack)), "192.168.35.6");
        var dirs = node.Keys
            .Where(k => k.StartsWith("etc/cri/conf.d/hosts/", StringComparison.Ordinal))
            .Select(k => k["etc/cri/conf.d/hosts/".Length..].Split('/')[0])
            .Distinct()
            .ToList();
        Assert.Equal(["_backup", "_default"], dirs);
        Assert.Contains("https://mirror-docker.68cc.io", node["etc/cri/conf.d/hosts/_backup/docker.io/hosts.toml"]);
        Assert.DoesNotContain("68cc.io", node["etc/cri/conf.d/hosts/_default/hosts.toml"]);
    }
}
