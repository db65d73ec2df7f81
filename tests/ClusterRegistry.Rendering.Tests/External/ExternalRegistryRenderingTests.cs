using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.NodeView;
using ClusterRegistry.Rendering.Talos;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Rules.Tests.RealStacks;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Tests.External;

/// <summary>
/// A registry outside the cluster renders no chart (no HelmRelease, no Harbor app folder), while the Talos mirrors, auth and
/// TLS for it and the node view render as for an in-cluster Harbor.
/// </summary>
public sealed class ExternalRegistryRenderingTests
{
    [Fact]
    public void External_registry_renders_no_helm_release_only_talos_patches()
    {
        var tree = GitOpsRenderer.Render(RealStackCatalog.Build(typeof(KokoiRubyDevsecopsStack)));
        Assert.DoesNotContain(tree.Keys, k => k.StartsWith("kubernetes/", StringComparison.Ordinal));
        Assert.Contains(tree.Keys, k => k.StartsWith("talos/", StringComparison.Ordinal));
        Assert.DoesNotContain(tree.Values, v => v.Contains("HelmRelease", StringComparison.Ordinal));
    }

    [Fact]
    public void Talos_1_12_documents_carry_the_mirror_and_auth_of_the_external_harbor()
    {
        var patch = RealStackCatalog.Build(typeof(KokoiRubyDevsecopsStack)).ResourcesOf<TalosMachinePatch>().Single();
        var docs = YamlJson.Documents(TalosPatchRenderer.Render(patch)).ToList();
        var mirror = docs.Single(d => (string?)d!["kind"] == "RegistryMirrorConfig");
        Assert.Equal("harbor.devsecops.example.com", (string?)mirror!["name"]);
        Assert.Equal("http://harbor.devsecops.example.com", (string?)mirror["endpoints"]![0]!["url"]);
        var auth = docs.Single(d => (string?)d!["kind"] == "RegistryAuthConfig");
        Assert.Equal("harbor.devsecops.example.com", (string?)auth!["name"]);
        Assert.Equal("admin", (string?)auth["username"]);
        Assert.Equal("${HARBOR_PWD}", (string?)auth["password"]);
    }

    [Fact]
    public void Node_view_has_the_hosts_toml_of_the_external_mirror()
    {
        var node = NodeViewRenderer.RenderNode(RealStackCatalog.Build(typeof(KokoiRubyDevsecopsStack)), "192.168.10.21");
        var hosts = node["etc/cri/conf.d/hosts/harbor.devsecops.example.com/hosts.toml"];
        Assert.Contains("[host.'http://harbor.devsecops.example.com']", hosts);
    }

    [Fact]
    public void Zot_mirror_with_client_identity_renders_legacy_tls_and_override_path()
    {
        var patch = RealStackCatalog.Build(typeof(SergelogvinovRegistryMirrorsStack)).ResourcesOf<TalosMachinePatch>().Single();
        var machine = YamlJson.Documents(TalosPatchRenderer.Render(patch)).Single()!["machine"]!;
        var registries = machine["registries"]!;
        Assert.True((bool)registries["mirrors"]!["docker.io"]!["overridePath"]!);
        Assert.Equal("https://mirrors.example.com/v2/docker-io", (string?)registries["mirrors"]!["docker.io"]!["endpoints"]![0]);
        var identity = registries["config"]!["mirrors.example.com"]!["tls"]!["clientIdentity"]!;
        Assert.NotNull(identity["crt"]);
        Assert.Equal("${MIRRORS_CLIENT_KEY}", (string?)identity["key"]);
    }
}

/// <summary>An admin password Secret that something else manages is named in the values and never generated.</summary>
public sealed class ExistingSecretRenderingTests
{
    [Fact]
    public void Typed_existing_admin_secret_is_named_with_its_key_and_no_secret_is_generated()
    {
        var tree = GitOpsRenderer.Render(Stack.Build(() => new AdminSecretStack()));
        var release = tree.Single(f => f.Key.EndsWith("harbor/app/helmrelease.yaml", StringComparison.Ordinal)).Value;
        var values = YamlJson.Documents(release).Single()!["spec"]!["values"]!;
        Assert.Equal("harbor-admin-password", (string?)values["existingSecretAdminPassword"]);
        Assert.Equal("HARBOR_ADMIN_PASSWORD", (string?)values["existingSecretAdminPasswordKey"]);
        Assert.DoesNotContain(tree.Keys, k => k.EndsWith("secret.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(tree.Values, v => v.Contains("kind: Secret", StringComparison.Ordinal));
    }

    private sealed class AdminSecretStack : Stack
    {
        public AdminSecretStack()
            : base("admin-secret")
        {
            new ExistingSecret("harbor-admin-password", new ExistingSecretArgs { Namespace = "harbor", Keys = { "HARBOR_ADMIN_PASSWORD" } });
            new ClusterRegistry.Harbor.HarborRegistry("harbor", new ClusterRegistry.Harbor.HarborArgs
            {
                Tls = false,
                LoadBalancerIP = "192.168.1.105",
                ExistingAdminPasswordSecret = "harbor-admin-password",
            });
        }
    }
}
