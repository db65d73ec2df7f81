using ClusterRegistry.Rules.Topology;
using static ClusterRegistry.Rules.Tests.GoodSnapshot;

namespace ClusterRegistry.Rules.Tests.Rules;

public sealed class TalosRuleTests
{
    // CRG201
    [Fact]
    public void CRG201_fires_without_a_host_entry_and_carries_the_cluster_ip()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries.Clear();
        var f = Assert.Single(g.Run("CRG201"));
        Assert.Equal("TalosMachinePatch 'machine-network'", f.Resource);
        Assert.Equal("Mirrors[\"192.168.1.105\"].Endpoints[0]", f.PropertyPath);
        Assert.Equal("L:mirror.Endpoints[0]", f.Location);
        Assert.Equal("mirror endpoint harbor.harbor.svc.cluster.local is a cluster DNS name that containerd on the host cannot resolve; add a host entry for 10.43.216.243", f.Message);
        Assert.Equal("10.43.216.243", f.Fix["ip"]);
        Assert.Equal("harbor.harbor.svc.cluster.local", f.Fix["alias"]);
    }

    [Fact]
    public void CRG201_near_miss_node_reachable_endpoint()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries.Clear();
        g.Mirror.Endpoints[0] = V("http://10.43.216.243", "L:x");
        Assert.Empty(g.Run("CRG201"));
    }

    [Fact]
    public void CRG201_silent_when_host_entries_are_not_fully_known()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries[0].Aliases[0] = U<string>();
        Assert.Empty(g.Run("CRG201"));
        var h = new GoodSnapshot();
        h.Patch.HostEntries.Clear();
        h.Patch.HostEntries.HasUnknownEntries = true;
        Assert.Empty(h.Run("CRG201"));
    }

    // CRG202
    [Fact]
    public void CRG202_fires_when_the_host_entry_ip_is_not_the_cluster_ip()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries[0].Ip = V("10.43.0.10", "L:host0.Ip");
        var f = Assert.Single(g.Run("CRG202"));
        Assert.Equal("ExtraHostEntries[0].Ip", f.PropertyPath);
        Assert.Equal("L:host0.Ip", f.Location);
        Assert.Contains("10.43.0.10", f.Message);
        Assert.Equal("10.43.216.243", f.Fix["ip"]);
    }

    [Fact]
    public void CRG202_near_miss_other_alias_with_other_ip()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries.Add(new HostEntryInfo { Ip = "10.0.0.9", Aliases = { V("nas.lan", "L:x") } });
        Assert.Empty(g.Run("CRG202"));
    }

    [Fact]
    public void CRG202_silent_when_the_cluster_ip_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries[0].Ip = "10.43.0.10";
        g.Harbor.ClusterIP = U<string?>();
        Assert.Empty(g.Run("CRG202"));
    }

    // CRG203
    [Fact]
    public void CRG203_fires_when_not_pinned_and_when_outside_the_subnet()
    {
        var g = new GoodSnapshot();
        g.Harbor.PinClusterIP = Val.Known(false, "L:harbor.PinClusterIP");
        var f = Assert.Single(g.Run("CRG203"));
        Assert.Equal("HarborRegistry 'harbor'", f.Resource);
        Assert.Equal("PinClusterIP", f.PropertyPath);
        Assert.Equal("L:harbor.PinClusterIP", f.Location);

        var h = new GoodSnapshot();
        h.Harbor.ServiceSubnet = Val.Known<string?>("10.96.0.0/12", "L:harbor.ServiceSubnet");
        var s = Assert.Single(h.Run("CRG203"));
        Assert.Equal("ClusterIP", s.PropertyPath);
        Assert.Contains("10.96.0.0/12", s.Message);
    }

    [Fact]
    public void CRG203_near_miss_unpinned_ip_that_no_host_entry_uses()
    {
        var g = new GoodSnapshot();
        g.Harbor.PinClusterIP = false;
        g.Patch.HostEntries[0].Ip = "10.43.0.10";
        Assert.Empty(g.Run("CRG203"));
    }

    [Fact]
    public void CRG203_silent_when_pin_or_subnet_unknown()
    {
        var g = new GoodSnapshot();
        g.Harbor.PinClusterIP = U<bool>();
        g.Harbor.ServiceSubnet = U<string?>();
        Assert.Empty(g.Run("CRG203"));
    }

    // CRG204
    [Fact]
    public void CRG204_fires_when_the_endpoint_host_has_no_auth()
    {
        var g = new GoodSnapshot();
        g.Patch.RegistryConfigs.RemoveAt(0);
        var f = Assert.Single(g.Run("CRG204"));
        Assert.Equal("Mirrors[\"192.168.1.105\"].Endpoints[0]", f.PropertyPath);
        Assert.Equal("L:mirror.Endpoints[0]", f.Location);
        Assert.Equal("harbor.harbor.svc.cluster.local", f.Fix["key"]);
        Assert.Equal("cluster-pull", f.Fix["robot"]);
    }

    [Fact]
    public void CRG204_near_miss_all_declared_projects_public()
    {
        var g = new GoodSnapshot();
        g.Patch.RegistryConfigs.RemoveAt(0);
        g.Snapshot.Projects.Add(new ProjectInfo { Name = "library", Registry = Val.Known<HarborInfo?>(g.Harbor), Public = true });
        Assert.Empty(g.Run("CRG204"));
    }

    [Fact]
    public void CRG204_silent_when_a_key_or_the_password_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Patch.RegistryConfigs.RemoveAt(0);
        g.Patch.RegistryConfigs.Add(new RegistryConfigInfo { Key = U<string>(), Auth = Val.Known<AuthInfo?>(g.Auth) });
        Assert.Empty(g.Run("CRG204"));
        var h = new GoodSnapshot();
        h.Auth.Password = U<SecretInfo?>();
        Assert.Empty(h.Run("CRG204"));
    }

    // CRG205
    [Fact]
    public void CRG205_fires_when_auth_sits_on_the_mirror_name_only()
    {
        var g = new GoodSnapshot();
        g.Patch.RegistryConfigs.RemoveAt(0);
        var f = Assert.Single(g.Run("CRG205"));
        Assert.Equal("RegistryConfig[\"192.168.1.105\"]", f.PropertyPath);
        Assert.Equal("L:rc1.Key", f.Location);
        Assert.Equal("harbor.harbor.svc.cluster.local", f.Fix["key"]);
    }

    [Fact]
    public void CRG205_near_miss_auth_on_both_keys()
    {
        Assert.Empty(new GoodSnapshot().Run("CRG205"));
    }

    [Fact]
    public void CRG205_silent_when_the_endpoint_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Patch.RegistryConfigs.RemoveAt(0);
        g.Mirror.Endpoints[0] = U<string>();
        Assert.Empty(g.Run("CRG205"));
    }

    // CRG206
    [Fact]
    public void CRG206_fires_on_a_key_with_a_scheme()
    {
        var g = new GoodSnapshot();
        g.Mirror.Key = V("http://192.168.1.105", "L:mirror.Key");
        var f = Assert.Single(g.Run("CRG206"));
        Assert.Equal("Mirrors[\"http://192.168.1.105\"]", f.PropertyPath);
        Assert.Equal("L:mirror.Key", f.Location);
        Assert.Equal("192.168.1.105", f.Fix["replacement"]);
    }

    [Fact]
    public void CRG206_fires_on_a_registry_config_key_with_a_trailing_slash()
    {
        var g = new GoodSnapshot();
        g.FallbackAuth.Key = V("192.168.1.105/", "L:rc1.Key");
        var f = Assert.Single(g.Run("CRG206"));
        Assert.Equal("RegistryConfig[\"192.168.1.105/\"]", f.PropertyPath);
        Assert.Equal("192.168.1.105", f.Fix["replacement"]);
    }

    [Fact]
    public void CRG206_near_miss_host_port_and_wildcard()
    {
        var g = new GoodSnapshot();
        g.Mirror.Key = "192.168.1.105:5000";
        g.Patch.Mirrors.Add(new MirrorInfo { Key = "*", Endpoints = { V("http://192.168.1.105:5000", "L:x") } });
        Assert.Empty(g.Run("CRG206"));
    }

    [Fact]
    public void CRG206_silent_for_unknown_keys()
    {
        var g = new GoodSnapshot();
        g.Mirror.Key = U<string>();
        Assert.Empty(g.Run("CRG206"));
    }

    // CRG207
    [Fact]
    public void CRG207_fires_on_https_endpoint_for_plain_http_harbor()
    {
        var g = new GoodSnapshot();
        g.Mirror.Endpoints[0] = V("https://harbor.harbor.svc.cluster.local", "L:mirror.Endpoints[0]");
        var f = Assert.Single(g.Run("CRG207"));
        Assert.Equal("Mirrors[\"192.168.1.105\"].Endpoints[0]", f.PropertyPath);
        Assert.Equal("http://harbor.harbor.svc.cluster.local", f.Fix["replacement"]);
    }

    [Fact]
    public void CRG207_near_miss_https_endpoint_for_another_registry()
    {
        var g = new GoodSnapshot();
        g.Patch.Mirrors.Add(new MirrorInfo { Key = "docker.io", Endpoints = { V("https://mirror.gcr.io", "L:x") } });
        Assert.Empty(g.Run("CRG207"));
    }

    [Fact]
    public void CRG207_silent_when_tls_unknown()
    {
        var g = new GoodSnapshot();
        g.Harbor.Tls = U<bool>();
        g.Mirror.Endpoints[0] = V("https://harbor.harbor.svc.cluster.local", "L:x");
        Assert.Empty(g.Run("CRG207"));
    }

    // CRG208
    [Fact]
    public void CRG208_fires_on_a_username_without_the_robot_prefix()
    {
        var g = new GoodSnapshot();
        g.Auth.UsernameRobot = null;
        g.Auth.Username = Val.Known<string?>("cluster-pull", "L:auth.Username");
        var f = Assert.Single(g.Run("CRG208"));
        Assert.Equal("RegistryConfig[\"harbor.harbor.svc.cluster.local\"].Auth.Username", f.PropertyPath);
        Assert.Equal("L:auth.Username", f.Location);
        Assert.Equal("robot$cluster-pull", f.Fix["username"]);
        Assert.Contains("'cluster-pull'", f.Message);
    }

    [Fact]
    public void CRG208_near_miss_literal_full_name_and_other_registries()
    {
        var g = new GoodSnapshot();
        g.Auth.UsernameRobot = null;
        g.Auth.Username = Val.Known<string?>("robot$cluster-pull");
        Assert.Empty(g.Run("CRG208"));
        g.Patch.RegistryConfigs.Add(new RegistryConfigInfo
        {
            Key = "registry-1.docker.io",
            Auth = Val.Known<AuthInfo?>(new AuthInfo { Username = Val.Known<string?>("me"), Password = Val.Known<SecretInfo?>(SecretInfo.FromEnvironment("HUB")) }),
        });
        Assert.Empty(g.Run("CRG208"));
    }

    [Fact]
    public void CRG208_silent_when_username_or_robots_unknown()
    {
        var g = new GoodSnapshot();
        g.Auth.UsernameRobot = null;
        g.Auth.Username = U<string?>();
        Assert.Empty(g.Run("CRG208"));
        var h = new GoodSnapshot();
        h.Auth.UsernameRobot = null;
        h.Auth.Username = Val.Known<string?>("robot$other");
        h.Snapshot.Robots.HasUnknownEntries = true;
        Assert.Empty(h.Run("CRG208"));
    }

    // CRG209
    [Fact]
    public void CRG209_fires_on_a_plaintext_password_once_even_when_the_auth_is_shared()
    {
        var g = new GoodSnapshot();
        g.Auth.Password = Val.Known<SecretInfo?>(SecretInfo.Plaintext("PW", "L:auth.Password"), "L:auth.Password");
        var f = Assert.Single(g.Run("CRG209"));
        Assert.Equal("RegistryConfig[\"harbor.harbor.svc.cluster.local\"].Auth.Password", f.PropertyPath);
        Assert.Equal("L:auth.Password", f.Location);
        Assert.Equal("REGISTRY_HARBOR_HARBOR_SVC_CLUSTER_LOCAL_PASSWORD", f.Fix["variable"]);
    }

    [Fact]
    public void CRG209_fires_on_a_secret_helm_value_and_a_plaintext_admin_password()
    {
        var g = new GoodSnapshot();
        g.Harbor.ExtraValues.Add(new KeyValueInfo("harborAdminPassword", V("Harbor12345", "L:xv"), "L:xv-entry"));
        g.Harbor.AdminPassword = Val.Known<SecretInfo?>(SecretInfo.Plaintext("HARBOR_ADMIN_PASSWORD", "L:admin"));
        var f = g.Run("CRG209");
        Assert.Equal(2, f.Count);
        Assert.Contains(f, x => x.PropertyPath == "ExtraValues[\"harborAdminPassword\"]" && (string?)x.Location == "L:xv");
        Assert.Contains(f, x => x.PropertyPath == "AdminPassword" && (string?)x.Location == "L:admin");
    }

    [Fact]
    public void CRG209_near_miss_environment_and_robot_secrets()
    {
        Assert.Empty(new GoodSnapshot().Run("CRG209"));
    }

    [Fact]
    public void CRG209_silent_when_the_secret_expression_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Auth.Password = U<SecretInfo?>();
        g.Harbor.ExtraValues.Add(new KeyValueInfo("core.secret", U<string>()));
        Assert.Empty(g.Run("CRG209"));
    }

    // CRG210
    [Fact]
    public void CRG210_fires_on_machine_files_for_talos_1_14()
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = "v1.14";
        g.Patch.Files.Add(new TalosFileInfo { Path = "/var/lib/motd", Content = "x", Location = "L:file0" });
        var f = Assert.Single(g.Run("CRG210"));
        Assert.Equal("Files[0]", f.PropertyPath);
        Assert.Equal("L:file0", f.Location);
        Assert.Contains("'/var/lib/motd'", f.Message);
    }

    [Fact]
    public void CRG210_near_miss_files_synth_renders_as_documents_on_1_14()
    {
        // onedr0p/home-ops and vrozaksen/home-ops keep the Spegel part and /etc/nfsmount.conf in machine.files: on 1.14 synth
        // renders them as CRICustomizationConfig and EtcFileConfig, so there is nothing deprecated left to warn about.
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = "v1.14";
        g.Patch.Files.Add(new TalosFileInfo { Path = TalosFileInfo.CriCustomizationPath, Content = "x" });
        g.Patch.Files.Add(new TalosFileInfo { Path = "/etc/nfsmount.conf", Content = "x", Op = "overwrite" });
        Assert.Empty(g.Run("CRG210"));
    }

    [Fact]
    public void CRG210_near_miss_legacy_registries_chosen_explicitly()
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = "v1.13";
        g.Patch.RendersLegacyRegistryFields = Val.Known(true, "L:legacy");
        g.Patch.LegacyRegistryFormChosen = Val.Known(true, "L:legacy");
        Assert.Empty(g.Run("CRG210"));
    }

    [Fact]
    public void CRG210_fires_on_legacy_registries_for_talos_1_12()
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = "v1.12";
        g.Patch.RendersLegacyRegistryFields = Val.Known(true, "L:legacy");
        Assert.Equal("L:legacy", Assert.Single(g.Run("CRG210")).Location);
    }

    [Fact]
    public void CRG210_near_miss_machine_files_on_talos_1_13()
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = "v1.13";
        g.Patch.Files.Add(new TalosFileInfo { Path = "/var/etc/x", Content = "x" });
        Assert.Empty(g.Run("CRG210"));
    }

    [Fact]
    public void CRG210_silent_when_the_version_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = U<string>();
        g.Patch.Files.Add(new TalosFileInfo { Path = "/var/etc/x", Content = "x" });
        Assert.Empty(g.Run("CRG210"));
    }

    // CRG211
    [Fact]
    public void CRG211_fires_when_the_fallback_has_no_auth()
    {
        var g = new GoodSnapshot();
        g.Patch.RegistryConfigs.RemoveAt(1);
        var f = Assert.Single(g.Run("CRG211"));
        Assert.Equal("Mirrors[\"192.168.1.105\"]", f.PropertyPath);
        Assert.Equal("L:mirror.Key", f.Location);
        Assert.Contains("no auth for '192.168.1.105'", f.Message);
    }

    [Fact]
    public void CRG211_fires_when_no_spegel_server_line_gives_the_http_scheme()
    {
        var g = new GoodSnapshot();
        g.Snapshot.Spegels.Clear();
        var f = Assert.Single(g.Run("CRG211"));
        Assert.Contains("implicit fallback is https://192.168.1.105", f.Message);
    }

    [Fact]
    public void CRG211_near_miss_skip_fallback_and_public_projects()
    {
        var g = new GoodSnapshot();
        g.Patch.RegistryConfigs.RemoveAt(1);
        g.Mirror.SkipFallback = Val.Known<bool?>(true);
        Assert.Empty(g.Run("CRG211"));

        var h = new GoodSnapshot();
        h.Patch.RegistryConfigs.RemoveAt(1);
        h.Snapshot.Projects.Add(new ProjectInfo { Name = "library", Public = true });
        Assert.Empty(h.Run("CRG211"));
    }

    [Fact]
    public void CRG211_silent_when_skip_fallback_or_projects_unknown()
    {
        var g = new GoodSnapshot();
        g.Patch.RegistryConfigs.RemoveAt(1);
        g.Mirror.SkipFallback = U<bool?>();
        Assert.Empty(g.Run("CRG211"));
        var h = new GoodSnapshot();
        h.Patch.RegistryConfigs.RemoveAt(1);
        h.Snapshot.Projects.HasUnknownEntries = true;
        Assert.Empty(h.Run("CRG211"));
    }

    // CRG212
    [Fact]
    public void CRG212_fires_when_the_chart_comes_from_harbor_itself()
    {
        var g = new GoodSnapshot();
        g.Harbor.ChartRepository = V("oci://192.168.1.105/charts", "L:harbor.ChartRepository");
        var f = Assert.Single(g.Run("CRG212"));
        Assert.Equal("ChartRepository", f.PropertyPath);
        Assert.Equal("L:harbor.ChartRepository", f.Location);
    }

    [Fact]
    public void CRG212_fires_for_a_docker_io_mirror_only_to_harbor_without_fallback()
    {
        var g = new GoodSnapshot();
        g.Patch.Mirrors.Add(new MirrorInfo
        {
            Key = "docker.io",
            Endpoints = { V("http://harbor.harbor.svc.cluster.local/v2/proxy-docker.io", "L:x") },
            SkipFallback = Val.Known<bool?>(true, "L:skip"),
        });
        var f = Assert.Single(g.Run("CRG212"));
        Assert.Equal("Mirrors[\"docker.io\"]", f.PropertyPath);
        Assert.Equal("L:skip", f.Location);
    }

    [Fact]
    public void CRG212_near_miss_docker_io_mirror_with_fallback()
    {
        var g = new GoodSnapshot();
        g.Patch.Mirrors.Add(new MirrorInfo { Key = "docker.io", Endpoints = { V("http://harbor.harbor.svc.cluster.local/v2/proxy-docker.io", "L:x") } });
        Assert.Empty(g.Run("CRG212"));
    }

    [Fact]
    public void CRG212_silent_when_endpoints_unknown()
    {
        var g = new GoodSnapshot();
        g.Patch.Mirrors.Add(new MirrorInfo { Key = "docker.io", Endpoints = { U<string>() }, SkipFallback = Val.Known<bool?>(true) });
        g.Harbor.ChartRepository = U<string>();
        Assert.Empty(g.Run("CRG212"));
    }
}
