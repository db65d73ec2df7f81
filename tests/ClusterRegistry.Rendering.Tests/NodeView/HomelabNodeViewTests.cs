using System.Security.Cryptography;
using System.Text;
using ClusterRegistry.Rendering.NodeView;
using ClusterRegistry.Rendering.Tests.Support;

namespace ClusterRegistry.Rendering.Tests.NodeView;

/// <summary>
/// The homelab node view, file by file. Expected texts are written out here from the research notes and golden vectors
/// (spegel-containerd.md §3: Spegel's template, its 0.7.x targets hostPort 30020 then nodePort 30021, prependExisting
/// appending Talos's host tables re-encoded, then nothing; talos.md §3: Talos's directory naming, hosts.toml, the
/// 01-registries part and the merge), not copied from the renderer.
/// </summary>
public sealed class HomelabNodeViewTests
{
    public static IEnumerable<object[]> Nodes() => [["192.168.1.98"], ["192.168.1.99"], ["192.168.1.100"]];

    private static readonly Lazy<ClusterRegistry.Rendering.NodeView.NodeView> View = new(() => NodeViewRenderer.Render(Homelab.Build()));

    private static RenderedTree Node(string ip) => View.Value.Nodes[ip];

    [Fact]
    public void Every_node_of_the_patch_has_a_view_and_nothing_else()
    {
        Assert.Equal(["192.168.1.100", "192.168.1.98", "192.168.1.99"], View.Value.Nodes.Keys);
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void Harbor_hosts_toml_is_spegel_first_then_talos_mirror_then_the_http_server(string node)
    {
        // Spegel's template (no trailing newline); its server is the mirrored URL as given; Talos's [host] table from
        // _backup/192.168.1.105/hosts.toml re-encoded without indentation after a blank line.
        var expected =
            "server = 'http://192.168.1.105'\n" +
            "\n" +
            $"[host.'http://{node}:30020']\n" +
            "capabilities = ['pull', 'resolve']\n" +
            "dial_timeout = '200ms'\n" +
            "\n" +
            $"[host.'http://{node}:30021']\n" +
            "capabilities = ['pull', 'resolve']\n" +
            "dial_timeout = '200ms'\n" +
            "\n" +
            "[host.'http://harbor.harbor.svc.cluster.local']\n" +
            "capabilities = ['pull', 'resolve']";
        Assert.Equal(expected, Node(node)["etc/cri/conf.d/hosts/192.168.1.105/hosts.toml"]);
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void Docker_hub_hosts_toml_is_spegel_only_with_the_registry_1_server(string node)
    {
        var expected =
            "server = 'https://registry-1.docker.io'\n" +
            "\n" +
            $"[host.'http://{node}:30020']\n" +
            "capabilities = ['pull', 'resolve']\n" +
            "dial_timeout = '200ms'\n" +
            "\n" +
            $"[host.'http://{node}:30021']\n" +
            "capabilities = ['pull', 'resolve']\n" +
            "dial_timeout = '200ms'";
        Assert.Equal(expected, Node(node)["etc/cri/conf.d/hosts/docker.io/hosts.toml"]);
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void Talos_own_file_is_kept_in_spegel_backup_in_talos_format(string node)
    {
        // Talos: no server line without skipFallback, [host] then indented endpoint tables, every endpoint pull+resolve.
        const string expected =
            "[host]\n" +
            "  [host.'http://harbor.harbor.svc.cluster.local']\n" +
            "    capabilities = ['pull', 'resolve']\n";
        Assert.Equal(expected, Node(node)["etc/cri/conf.d/hosts/_backup/192.168.1.105/hosts.toml"]);
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void Hosts_directory_lists_the_seed_registries_and_no_default(string node)
    {
        var dirs = Node(node).Keys
            .Where(k => k.StartsWith("etc/cri/conf.d/hosts/", StringComparison.Ordinal))
            .Select(k => k["etc/cri/conf.d/hosts/".Length..].Split('/')[0])
            .Distinct()
            .Order(StringComparer.Ordinal);
        // The seed's "Expected: docker.io gcr.io ghcr.io mcr.microsoft.com quay.io registry.k8s.io 192.168.1.105", plus
        // Spegel's _backup; no _default (the seed's "Spegel intercepts Harbor requests" symptom).
        Assert.Equal(["192.168.1.105", "_backup", "docker.io", "gcr.io", "ghcr.io", "mcr.microsoft.com", "quay.io", "registry.k8s.io"], dirs);
    }

    [Fact]
    public void Registry_part_carries_auth_for_both_endpoints_with_the_password_as_a_placeholder()
    {
        Assert.Equal(RegistriesPart, Node("192.168.1.98")["etc/cri/conf.d/01-registries.part"]);
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void Merged_cri_toml_has_the_auth_section_and_keeps_unpacked_layers(string node)
    {
        const string customization = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n";
        var expected =
            $"## /etc/cri/conf.d/01-registries.part (sha256:{Sha256(RegistriesPart)})\n" +
            $"## /etc/cri/conf.d/20-customization.part (sha256:{Sha256(customization)})\n" +
            "\n" +
            "[plugins]\n" +
            "  [plugins.'io.containerd.cri.v1.images']\n" +
            "    discard_unpacked_layers = false\n" +
            "\n" +
            "    [plugins.'io.containerd.cri.v1.images'.registry]\n" +
            "      config_path = '/etc/cri/conf.d/hosts'\n" +
            "\n" +
            "      [plugins.'io.containerd.cri.v1.images'.registry.configs]\n" +
            "        [plugins.'io.containerd.cri.v1.images'.registry.configs.'192.168.1.105']\n" +
            "          [plugins.'io.containerd.cri.v1.images'.registry.configs.'192.168.1.105'.auth]\n" +
            "            auth = ''\n" +
            "            identitytoken = ''\n" +
            "            password = '${HARBOR_ROBOT_PASSWORD}'\n" +
            "            username = 'robot$cluster-pull'\n" +
            "\n" +
            "        [plugins.'io.containerd.cri.v1.images'.registry.configs.'harbor.harbor.svc.cluster.local']\n" +
            "          [plugins.'io.containerd.cri.v1.images'.registry.configs.'harbor.harbor.svc.cluster.local'.auth]\n" +
            "            auth = ''\n" +
            "            identitytoken = ''\n" +
            "            password = '${HARBOR_ROBOT_PASSWORD}'\n" +
            "            username = 'robot$cluster-pull'\n";
        Assert.Equal(customization, Node(node)["etc/cri/conf.d/20-customization.part"]);
        Assert.Equal(expected, Node(node)["etc/cri/conf.d/cri.toml"]);
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void Etc_hosts_maps_the_harbor_service_name_to_the_cluster_ip(string node)
    {
        // renderHosts: fixed lines (the node line needs a hostname the model does not carry), then extra entries,
        // tabwriter-aligned to the longest IP plus one space.
        const string expected =
            "127.0.0.1     localhost\n" +
            "::1           localhost ip6-localhost ip6-loopback\n" +
            "ff02::1       ip6-allnodes\n" +
            "ff02::2       ip6-allrouters\n" +
            "10.43.216.243 harbor.harbor.svc.cluster.local\n";
        Assert.Equal(expected, Node(node)["etc/hosts"]);
    }

    [Fact]
    public void Etc_hosts_has_the_node_line_when_a_hostname_is_given()
    {
        var view = NodeViewRenderer.RenderNode(Homelab.Build(), "192.168.1.98", new NodeViewOptions
        {
            Hostnames = new Dictionary<string, string> { ["192.168.1.98"] = "talos-1.lan talos-1" },
        });
        const string expected =
            "127.0.0.1     localhost\n" +
            "192.168.1.98  talos-1.lan talos-1\n" +
            "::1           localhost ip6-localhost ip6-loopback\n" +
            "ff02::1       ip6-allnodes\n" +
            "ff02::2       ip6-allrouters\n" +
            "10.43.216.243 harbor.harbor.svc.cluster.local\n";
        Assert.Equal(expected, view["etc/hosts"]);
    }

    [Fact]
    public void Files_of_a_node_are_exactly_the_predicted_set()
    {
        var files = Node("192.168.1.99").Keys.Where(k => !k.StartsWith("etc/cri/conf.d/hosts/", StringComparison.Ordinal));
        Assert.Equal(["etc/cri/conf.d/01-registries.part", "etc/cri/conf.d/20-customization.part", "etc/cri/conf.d/cri.toml", "etc/hosts"], files);
    }

    [Fact]
    public void A_secret_resolver_is_used_only_when_asked_for()
    {
        var resolved = NodeViewRenderer.RenderNode(Homelab.Build(), "192.168.1.98", new NodeViewOptions { SecretText = s => "resolved-" + s.Variable });
        Assert.Contains("password = 'resolved-HARBOR_ROBOT_PASSWORD'", resolved["etc/cri/conf.d/01-registries.part"]);
        Assert.DoesNotContain("resolved-", string.Concat(Node("192.168.1.98").Values));
    }

    // talos.md §3.3: struct order username, password, auth, identitytoken; keys mapped through DefaultHost and sorted.
    private const string RegistriesPart =
        "[plugins]\n" +
        "  [plugins.'io.containerd.cri.v1.images']\n" +
        "    [plugins.'io.containerd.cri.v1.images'.registry]\n" +
        "      config_path = '/etc/cri/conf.d/hosts'\n" +
        "\n" +
        "      [plugins.'io.containerd.cri.v1.images'.registry.configs]\n" +
        "        [plugins.'io.containerd.cri.v1.images'.registry.configs.'192.168.1.105']\n" +
        "          [plugins.'io.containerd.cri.v1.images'.registry.configs.'192.168.1.105'.auth]\n" +
        "            username = 'robot$cluster-pull'\n" +
        "            password = '${HARBOR_ROBOT_PASSWORD}'\n" +
        "            auth = ''\n" +
        "            identitytoken = ''\n" +
        "\n" +
        "        [plugins.'io.containerd.cri.v1.images'.registry.configs.'harbor.harbor.svc.cluster.local']\n" +
        "          [plugins.'io.containerd.cri.v1.images'.registry.configs.'harbor.harbor.svc.cluster.local'.auth]\n" +
        "            username = 'robot$cluster-pull'\n" +
        "            password = '${HARBOR_ROBOT_PASSWORD}'\n" +
        "            auth = ''\n" +
        "            identitytoken = ''\n";

    private static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
