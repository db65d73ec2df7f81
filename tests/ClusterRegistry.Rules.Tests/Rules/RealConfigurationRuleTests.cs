using ClusterRegistry.Rules.Topology;
using static ClusterRegistry.Rules.Tests.GoodSnapshot;

namespace ClusterRegistry.Rules.Tests.Rules;

/// <summary>
/// Rules against the shapes real repositories use: TLS at a Gateway, Harbor proxy-cache projects behind overridePath
/// mirrors, Spegel's default mirror-everything list, secret names in chart values, renamed chart keys. Each rule gets the
/// near miss a real configuration gives it.
/// </summary>
public sealed class RealConfigurationRuleTests
{
    /// <summary>The homelab snapshot turned into vrozaksen/home-ops' shape: Harbor behind a Gateway, proxy-cache projects.</summary>
    private static GoodSnapshot ProxyCacheBehindGateway(bool publicProject = true, string? upstream = "docker.io", bool? overridePath = true, string endpoint = "https://registry.example.com/v2/proxy-dockerhub")
    {
        var g = new GoodSnapshot();
        // vrozaksen/home-ops has no in-cluster Service endpoint and no host entries: only the proxy-cache mirrors.
        g.Patch.Mirrors.Clear();
        g.Patch.HostEntries.Clear();
        g.Harbor.Expose = HarborExposeKind.Route;
        g.Harbor.Tls = Val.Known(false, "L:harbor.Tls");
        g.Harbor.ExternalUrl = Val.Known<string?>("https://registry.example.com", "L:harbor.ExternalUrl");
        g.Harbor.LoadBalancerIP = Val.Known<string?>(null);
        g.Harbor.ClusterIP = Val.Known<string?>(null);
        g.Snapshot.Projects.Add(new ProjectInfo { Name = "library", Registry = Val.Known<HarborInfo?>(g.Harbor), Public = false });
        g.Snapshot.Projects.Add(new ProjectInfo
        {
            Name = "proxy-dockerhub",
            Registry = Val.Known<HarborInfo?>(g.Harbor),
            Public = publicProject,
            ProxyUpstream = Val.Known(upstream),
        });
        g.Patch.Mirrors.Add(new MirrorInfo
        {
            Key = "docker.io",
            Endpoints = { V(endpoint, "L:docker.Endpoints[0]") },
            OverridePath = Val.Known(overridePath, "L:docker.OverridePath"),
            Location = "L:docker",
        });
        return g;
    }

    [Fact]
    public void TLS_at_the_gateway_with_chart_tls_off_gives_no_scheme_finding()
    {
        var g = ProxyCacheBehindGateway();
        Assert.Empty(g.Run("CRG207"));
        Assert.Empty(g.Run("CRG306"));
    }

    [Fact]
    public void CRG207_still_fires_for_http_to_a_gateway_whose_clients_use_https()
    {
        var g = ProxyCacheBehindGateway(endpoint: "http://registry.example.com/v2/proxy-dockerhub");
        var f = Assert.Single(g.Run("CRG207"));
        Assert.Contains("ExternalUrl https://registry.example.com", f.Message);
        Assert.Equal("https://registry.example.com/v2/proxy-dockerhub", f.Fix["replacement"]);
    }

    [Fact]
    public void CRG207_https_to_the_chart_service_with_tls_off_still_fires_when_nginx_serves_it()
    {
        var g = new GoodSnapshot();
        g.Harbor.ExternalUrl = Val.Known<string?>("https://harbor.example.com");
        g.Mirror.Endpoints[0] = V("https://harbor.harbor.svc.cluster.local", "L:x");
        Assert.Single(g.Run("CRG207"));
    }

    [Fact]
    public void Public_proxy_project_needs_no_auth_even_when_another_project_is_private()
    {
        var g = ProxyCacheBehindGateway();
        Assert.Empty(g.Run("CRG204"));
        Assert.Empty(g.Run("CRG308"));
    }

    [Fact]
    public void CRG308_private_proxy_project_without_auth_says_pulls_go_upstream()
    {
        var g = ProxyCacheBehindGateway(publicProject: false);
        var f = Assert.Single(g.Run("CRG308"));
        Assert.Equal("Mirrors[\"docker.io\"].Endpoints[0]", f.PropertyPath);
        Assert.Contains("moves on to the next host", f.Message);
        Assert.Contains("go to docker.io", f.Message);
        Assert.Equal("registry.example.com", f.Fix["key"]);
        Assert.Empty(g.Run("CRG204"));
    }

    [Fact]
    public void CRG308_near_miss_private_proxy_project_with_auth_for_the_endpoint_host()
    {
        var g = ProxyCacheBehindGateway(publicProject: false);
        g.Patch.RegistryConfigs.Add(new RegistryConfigInfo { Key = "registry.example.com", Auth = Val.Known<AuthInfo?>(g.Auth) });
        Assert.Empty(g.Run("CRG308"));
    }

    [Fact]
    public void CRG307_fires_when_the_project_proxies_another_registry_and_not_for_docker_hub_aliases()
    {
        var wrong = ProxyCacheBehindGateway(upstream: "ghcr.io");
        Assert.Contains("proxies ghcr.io", Assert.Single(wrong.Run("CRG307")).Message);
        var notProxy = ProxyCacheBehindGateway(upstream: null);
        Assert.Contains("not a proxy cache", Assert.Single(notProxy.Run("CRG307")).Message);
        Assert.Empty(ProxyCacheBehindGateway(upstream: "registry-1.docker.io").Run("CRG307"));
        Assert.Empty(ProxyCacheBehindGateway(upstream: "docker.io").Run("CRG307"));
    }

    [Fact]
    public void CRG307_silent_for_an_undeclared_project()
    {
        var g = ProxyCacheBehindGateway(endpoint: "https://registry.example.com/v2/proxy-elsewhere");
        Assert.Empty(g.Run("CRG307"));
        Assert.Empty(g.Run("CRG308"));
    }

    [Fact]
    public void CRG214_v2_project_path_without_override_path()
    {
        var g = ProxyCacheBehindGateway(overridePath: null);
        var f = Assert.Single(g.Run("CRG214"));
        Assert.Contains("/v2/proxy-dockerhub/v2/<repo>", f.Message);
        Assert.Empty(ProxyCacheBehindGateway().Run("CRG214"));
    }

    [Fact]
    public void CRG214_near_miss_bare_v2_path_and_other_paths()
    {
        // sergelogvinov/helm-charts registry-mirrors: https://mirrors.example.com/docker-io without overridePath is fine.
        Assert.Empty(ProxyCacheBehindGateway(overridePath: null, endpoint: "https://mirrors.example.com/docker-io").Run("CRG214"));
        Assert.Empty(ProxyCacheBehindGateway(overridePath: null, endpoint: "https://registry.example.com/v2").Run("CRG214"));
    }

    [Fact]
    public void CRG213_bare_upstream_endpoint_next_to_a_project_endpoint_with_override_path()
    {
        var g = ProxyCacheBehindGateway();
        g.Patch.Mirrors[^1].Endpoints.Add(V("https://registry-1.docker.io", "L:docker.Endpoints[1]"));
        var f = Assert.Single(g.Run("CRG213"));
        Assert.Equal("Mirrors[\"docker.io\"].Endpoints[1]", f.PropertyPath);
        Assert.Equal("https://registry-1.docker.io/v2", f.Fix["replacement"]);
    }

    [Fact]
    public void CRG213_near_miss_upstream_with_explicit_v2()
    {
        var g = ProxyCacheBehindGateway();
        g.Patch.Mirrors[^1].Endpoints.Add(V("https://registry-1.docker.io/v2", "L:docker.Endpoints[1]"));
        Assert.Empty(g.Run("CRG213"));
    }

    [Fact]
    public void CRG101_silent_for_spegels_default_when_nothing_is_at_stake()
    {
        // onedr0p/home-ops: no Talos mirrors, HTTPS registries only.
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Clear();
        g.Patch.Mirrors.Clear();
        g.Harbor.Tls = true;
        g.Harbor.ExternalUrl = Val.Known<string?>("https://192.168.1.105");
        Assert.Empty(g.Run("CRG101"));
    }

    [Fact]
    public void CRG101_fires_for_a_plain_http_registry_without_mirrors()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Clear();
        g.Patch.Mirrors.Clear();
        Assert.Contains("plain HTTP", Assert.Single(g.Run("CRG101")).Message);
    }

    [Fact]
    public void CRG101_silent_when_the_patches_are_not_known()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Clear();
        g.Patch.Mirrors.Clear();
        g.Patch.Mirrors.HasUnknownEntries = true;
        g.Harbor.Tls = true;
        g.Harbor.ExternalUrl = Val.Known<string?>("https://192.168.1.105");
        Assert.Empty(g.Run("CRG101"));
    }

    [Fact]
    public void CRG209_never_on_the_name_or_key_of_a_secret()
    {
        // vrozaksen/home-ops harbor helmrelease: existingSecretAdminPassword / existingSecretAdminPasswordKey.
        var g = new GoodSnapshot();
        g.Harbor.ExtraValues.Add(new KeyValueInfo("existingSecretAdminPasswordKey", "HARBOR_ADMIN_PASSWORD"));
        g.Harbor.ExtraValues.Add(new KeyValueInfo("existingSecretAdminPassword", "harbor-secret"));
        g.Harbor.Values.Add(new HelmValueInfo(new[] { "database", "external", "existingSecret" }, Val.Known<object?>("postgres-harbor-app")));
        g.Harbor.Values.Add(new HelmValueInfo(new[] { "core", "secretName" }, Val.Known<object?>("harbor-core")));
        Assert.Empty(g.Run("CRG209"));
        g.Harbor.Values.Add(new HelmValueInfo(new[] { "harborAdminPassword" }, Val.Known<object?>("Harbor12345"), "L:v"));
        Assert.Equal("L:v", Assert.Single(g.Run("CRG209")).Location);
    }

    [Fact]
    public void CRG111_renamed_and_unknown_keys_by_chart_version()
    {
        var g = new GoodSnapshot();
        g.Spegel.ChartVersion = Val.Known<string?>("0.7.4");
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "spegel", "appendMirrors" }, Val.Known<object?>(true), "L:append"));
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "spegel", "additionalMirrorRegistries" }, Val.Known<object?>(new List<object?> { "https://zot.example.com" })));
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "spegel", "prependExisting" }, Val.Known<object?>(true)));
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "resources", "limits", "memory" }, Val.Known<object?>("120Mi")));
        var findings = g.Run("CRG111");
        Assert.Equal(2, findings.Count);
        var append = findings.Single(f => f.PropertyPath == "Values[\"spegel\"][\"appendMirrors\"]");
        Assert.Contains("renamed 'spegel.prependExisting' in chart v0.1.0", append.Message);
        Assert.Contains("prepending stays off", append.Message);
        Assert.Equal("spegel.prependExisting", append.Fix["replacement"]);
        Assert.Equal("L:append", append.Location);
        var targets = findings.Single(f => f.PropertyPath == "Values[\"spegel\"][\"additionalMirrorRegistries\"]");
        Assert.Contains("renamed 'spegel.additionalMirrorTargets'", targets.Message);
    }

    [Fact]
    public void CRG111_near_miss_old_names_on_the_old_chart_and_silence_on_unknown_or_newer_versions()
    {
        var g = new GoodSnapshot();
        g.Spegel.ChartVersion = Val.Known<string?>("v0.0.30");
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "spegel", "appendMirrors" }, Val.Known<object?>(true)));
        Assert.Empty(g.Run("CRG111"));
        g.Spegel.ChartVersion = Val.Known<string?>("0.8.0");
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "networkPolicy", "enabled" }, Val.Known<object?>(true)));
        Assert.Empty(g.Run("CRG111"));
        g.Spegel.ChartVersion = U<string?>();
        Assert.Empty(g.Run("CRG111"));
    }

    [Fact]
    public void CRG111_registryFilters_before_the_chart_that_has_them()
    {
        var g = new GoodSnapshot();
        g.Spegel.ChartVersion = Val.Known<string?>("0.3.0");
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "spegel", "registryFilters" }, Val.Known<object?>(new List<object?> { ":latest$" })));
        Assert.Contains("not a value of Spegel chart 0.3.0", Assert.Single(g.Run("CRG111")).Message);
    }

    [Fact]
    public void CRG003_values_contradicting_a_typed_property()
    {
        var g = new GoodSnapshot();
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "spegel", "prependExisting" }, Val.Known<object?>(false), "L:v"));
        var f = Assert.Single(g.Run("CRG003"));
        Assert.Contains("PrependExisting is true", f.Message);
        // And the rule that depends on it sees what the release gets.
        Assert.Single(g.Run("CRG102"));
    }

    [Fact]
    public void CRG003_near_miss_the_same_value_or_an_unset_typed_property()
    {
        var g = new GoodSnapshot();
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "spegel", "prependExisting" }, Val.Known<object?>(true)));
        g.Spegel.ContainerdRegistryConfigPath = Val.Known<string?>(null);
        g.Spegel.Values.Add(new HelmValueInfo(new[] { "spegel", "containerdRegistryConfigPath" }, Val.Known<object?>("/etc/cri/conf.d/hosts")));
        Assert.Empty(g.Run("CRG003"));
        // The path set only through Values is what the release gets: no CRG105.
        Assert.Empty(g.Run("CRG105"));
    }

    [Fact]
    public void CRG106_names_an_explicit_true_and_stays_silent_on_false()
    {
        var g = new GoodSnapshot();
        g.Patch.CriCustomizations.Clear();
        g.Patch.Files.Add(new TalosFileInfo { Path = TalosFileInfo.CriCustomizationPath, Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = true\n" });
        Assert.Contains("sets discard_unpacked_layers = true", Assert.Single(g.Run("CRG106")).Message);
        var ok = new GoodSnapshot();
        ok.Patch.CriCustomizations.Clear();
        ok.Patch.Files.Add(new TalosFileInfo { Path = TalosFileInfo.CriCustomizationPath, Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n[metrics]\n  address = \"0.0.0.0:11234\"\n" });
        Assert.Empty(ok.Run("CRG106"));
    }
}
