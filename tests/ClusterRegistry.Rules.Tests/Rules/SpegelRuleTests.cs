using ClusterRegistry.Rules.Topology;
using static ClusterRegistry.Rules.Tests.GoodSnapshot;

namespace ClusterRegistry.Rules.Tests.Rules;

public sealed class SpegelRuleTests
{
    // CRG101
    [Fact]
    public void CRG101_fires_on_an_empty_list_and_suggests_the_talos_mirrored_registry()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Clear();
        var f = Assert.Single(g.Run("CRG101"));
        Assert.Equal("SpegelRelease 'spegel'", f.Resource);
        Assert.Equal("MirroredRegistries", f.PropertyPath);
        Assert.Equal("L:spegel.MirroredRegistries", f.Location);
        Assert.Equal("http://192.168.1.105", f.Fix["registries"]);
        Assert.Contains("_backup", f.Message);
    }

    [Fact]
    public void CRG101_near_miss_one_entry_is_not_empty()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.RemoveRange(0, 6);
        Assert.Empty(g.Run("CRG101"));
    }

    [Fact]
    public void CRG101_silent_when_the_list_has_unknown_entries()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Clear();
        g.Spegel.MirroredRegistries.HasUnknownEntries = true;
        Assert.Empty(g.Run("CRG101"));
    }

    // CRG102
    [Fact]
    public void CRG102_fires_when_prepend_is_false_and_a_talos_mirror_is_mirrored()
    {
        var g = new GoodSnapshot();
        g.Spegel.PrependExisting = Val.Known(false, "L:spegel.PrependExisting");
        var f = Assert.Single(g.Run("CRG102"));
        Assert.Equal("PrependExisting", f.PropertyPath);
        Assert.Equal("L:spegel.PrependExisting", f.Location);
        Assert.Contains("192.168.1.105", f.Message);
        Assert.Equal("true", f.Fix["value"]);
    }

    [Fact]
    public void CRG102_near_miss_when_spegel_does_not_mirror_the_talos_registry()
    {
        var g = new GoodSnapshot();
        g.Spegel.PrependExisting = false;
        g.Spegel.MirroredRegistries.RemoveAt(6);
        Assert.Empty(g.Run("CRG102"));
    }

    [Fact]
    public void CRG102_silent_when_prepend_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Spegel.PrependExisting = U<bool>();
        Assert.Empty(g.Run("CRG102"));
    }

    // CRG103
    [Fact]
    public void CRG103_fires_when_the_talos_mirror_is_missing_from_a_non_empty_list()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.RemoveAt(6);
        var f = Assert.Single(g.Run("CRG103"));
        Assert.Equal("MirroredRegistries", f.PropertyPath);
        Assert.Equal("L:spegel.MirroredRegistries", f.Location);
        Assert.Equal("http://192.168.1.105", f.Fix["registry"]);
        Assert.Contains("TalosMachinePatch 'machine-network' mirrors '192.168.1.105'", f.Message);
    }

    [Fact]
    public void CRG103_near_miss_when_listed_with_another_scheme_is_crg104_not_103()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries[6] = V("https://192.168.1.105", "L:x");
        Assert.Empty(g.Run("CRG103"));
    }

    [Fact]
    public void CRG103_silent_when_an_entry_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries[6] = U<string>();
        Assert.Empty(g.Run("CRG103"));
    }

    // CRG104
    [Fact]
    public void CRG104_fires_on_https_for_a_plain_http_harbor()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries[6] = V("https://192.168.1.105", "L:spegel.MirroredRegistries[6]");
        var f = Assert.Single(g.Run("CRG104"));
        Assert.Equal("MirroredRegistries[6]", f.PropertyPath);
        Assert.Equal("L:spegel.MirroredRegistries[6]", f.Location);
        Assert.Equal("http://192.168.1.105", f.Fix["replacement"]);
        Assert.Contains("Tls = false", f.Message);
    }

    [Fact]
    public void CRG104_fires_on_http_for_docker_hub()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries[0] = V("http://docker.io", "L:e0");
        var f = Assert.Single(g.Run("CRG104"));
        Assert.Equal("https://docker.io", f.Fix["replacement"]);
    }

    [Fact]
    public void CRG104_near_miss_tls_harbor_with_https()
    {
        var g = new GoodSnapshot();
        g.Harbor.Tls = true;
        g.Harbor.ExternalUrl = Val.Known<string?>("https://192.168.1.105");
        g.Spegel.MirroredRegistries[6] = V("https://192.168.1.105", "L:x");
        Assert.Empty(g.Run("CRG104"));
    }

    [Fact]
    public void CRG104_silent_when_harbor_tls_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Harbor.Tls = U<bool>();
        g.Spegel.MirroredRegistries[6] = V("https://192.168.1.105", "L:x");
        Assert.Empty(g.Run("CRG104"));
    }

    // CRG105
    [Fact]
    public void CRG105_fires_when_the_path_is_left_at_the_chart_default()
    {
        var g = new GoodSnapshot();
        g.Spegel.ContainerdRegistryConfigPath = Val.Known<string?>(null, "L:spegel.ContainerdRegistryConfigPath");
        var f = Assert.Single(g.Run("CRG105"));
        Assert.Equal("ContainerdRegistryConfigPath", f.PropertyPath);
        Assert.Equal("/etc/cri/conf.d/hosts", f.Fix["path"]);
        Assert.Contains("/etc/containerd/certs.d", f.Message);
    }

    [Fact]
    public void CRG105_near_miss_trailing_slash_and_no_talos()
    {
        var g = new GoodSnapshot();
        g.Spegel.ContainerdRegistryConfigPath = Val.Known<string?>("/etc/cri/conf.d/hosts/");
        Assert.Empty(g.Run("CRG105"));
        g.Spegel.ContainerdRegistryConfigPath = Val.Known<string?>(null);
        g.Snapshot.TalosPatches.Clear();
        Assert.Empty(g.Run("CRG105"));
    }

    [Fact]
    public void CRG105_silent_when_the_path_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Spegel.ContainerdRegistryConfigPath = U<string?>();
        Assert.Empty(g.Run("CRG105"));
    }

    // CRG106
    [Fact]
    public void CRG106_fires_without_the_customisation_on_talos_1_11()
    {
        var g = new GoodSnapshot();
        g.Patch.CriCustomizations.Clear();
        var f = Assert.Single(g.Run("CRG106"));
        Assert.Equal("CriCustomizations", f.PropertyPath);
        Assert.Equal("L:patch.CriCustomizations", f.Location);
        Assert.Equal("v1.11", f.Fix["talosVersion"]);
        Assert.Equal("machine.files", f.Fix["form"]);
    }

    [Fact]
    public void CRG106_names_the_document_form_from_talos_1_14()
    {
        var g = new GoodSnapshot();
        g.Patch.CriCustomizations.Clear();
        g.Patch.TalosVersion = "v1.14";
        Assert.Equal("CRICustomizationConfig", Assert.Single(g.Run("CRG106")).Fix["form"]);
    }

    [Fact]
    public void CRG106_fires_when_a_customisation_sets_discard_true()
    {
        var g = new GoodSnapshot();
        g.Patch.CriCustomizations[0].Content = "[plugins.'io.containerd.cri.v1.images']\n  discard_unpacked_layers = true\n";
        Assert.Single(g.Run("CRG106"));
    }

    [Fact]
    public void CRG106_near_miss_machine_files_part_and_talos_1_7()
    {
        var g = new GoodSnapshot();
        g.Patch.CriCustomizations.Clear();
        g.Patch.Files.Add(new TalosFileInfo { Path = TalosFileInfo.CriCustomizationPath, Content = CriCustomizationInfo.SpegelKeepUnpackedLayersContent });
        Assert.Empty(g.Run("CRG106"));

        var old = new GoodSnapshot();
        old.Patch.CriCustomizations.Clear();
        old.Patch.TalosVersion = "v1.7";
        Assert.Empty(old.Run("CRG106"));
    }

    [Fact]
    public void CRG106_silent_when_a_customisation_is_unknown_or_the_version_is()
    {
        var g = new GoodSnapshot();
        g.Patch.CriCustomizations[0].Content = U<string>();
        Assert.Empty(g.Run("CRG106"));
        var h = new GoodSnapshot();
        h.Patch.CriCustomizations.Clear();
        h.Patch.TalosVersion = U<string>();
        Assert.Empty(h.Run("CRG106"));
    }

    // CRG107
    [Fact]
    public void CRG107_fires_for_a_ported_registry_that_talos_also_mirrors()
    {
        var g = new GoodSnapshot();
        g.Mirror.Key = "harbor.lan:8443";
        g.Spegel.MirroredRegistries[6] = V("https://harbor.lan:8443", "L:spegel.MirroredRegistries[6]");
        var f = Assert.Single(g.Run("CRG107"));
        Assert.Equal("MirroredRegistries[6]", f.PropertyPath);
        Assert.Equal("L:spegel.MirroredRegistries[6]", f.Location);
        Assert.Contains("harbor.lan_8443_", f.Message);
    }

    [Fact]
    public void CRG107_near_miss_no_talos_dir_for_that_registry()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Add(V("https://other.lan:5000", "L:x"));
        Assert.Empty(g.Run("CRG107"));
    }

    [Fact]
    public void CRG107_silent_when_the_entry_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Mirror.Key = "harbor.lan:8443";
        g.Spegel.MirroredRegistries.Add(U<string>());
        Assert.Empty(g.Run("CRG107"));
    }

    // CRG108
    [Fact]
    public void CRG108_fires_for_chart_0_7_on_talos_1_10()
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = "v1.10";
        var f = Assert.Single(g.Run("CRG108"));
        Assert.Equal("ChartVersion", f.PropertyPath);
        Assert.Equal("L:spegel.ChartVersion", f.Location);
        Assert.Contains("0.7.4", f.Message);
        Assert.Contains("v1.10", f.Message);
    }

    [Fact]
    public void CRG108_near_miss_chart_0_6_on_talos_1_10()
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = "v1.10";
        g.Spegel.ChartVersion = Val.Known<string?>("0.6.0");
        Assert.Empty(g.Run("CRG108"));
    }

    [Fact]
    public void CRG108_silent_when_the_chart_version_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = "v1.10";
        g.Spegel.ChartVersion = U<string?>();
        Assert.Empty(g.Run("CRG108"));
    }

    // CRG109
    [Fact]
    public void CRG109_fires_for_an_unlabelled_namespace()
    {
        var g = new GoodSnapshot();
        g.Spegel.Namespace = V("spegel", "L:spegel.Namespace");
        var f = Assert.Single(g.Run("CRG109"));
        Assert.Equal("NamespaceLabels", f.PropertyPath);
        Assert.Equal("L:spegel.Namespace", f.Location);
        Assert.Equal("pod-security.kubernetes.io/enforce", f.Fix["key"]);
        Assert.Equal("privileged", f.Fix["value"]);
    }

    [Fact]
    public void CRG109_near_miss_labelled_namespace_and_kube_system()
    {
        var g = new GoodSnapshot();
        g.Spegel.Namespace = "spegel";
        g.Spegel.NamespaceLabels.Add(new KeyValueInfo("pod-security.kubernetes.io/enforce", "privileged"));
        Assert.Empty(g.Run("CRG109"));
        Assert.Empty(new GoodSnapshot().Run("CRG109"));
    }

    [Fact]
    public void CRG109_silent_when_a_label_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Spegel.Namespace = "spegel";
        g.Spegel.NamespaceLabels.Add(new KeyValueInfo(U<string>(), "privileged"));
        Assert.Empty(g.Run("CRG109"));
    }

    // CRG110
    [Theory]
    [InlineData("192.168.1.105", "https://192.168.1.105")]
    [InlineData("http://192.168.1.105/", "http://192.168.1.105")]
    [InlineData("https://harbor.lan/v2/proxy", "https://harbor.lan")]
    [InlineData("https://_default", "_default")]
    public void CRG110_fires_on_malformed_entries(string entry, string replacement)
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Add(V(entry, "L:bad"));
        var f = Assert.Single(g.Run("CRG110"));
        Assert.Equal("MirroredRegistries[7]", f.PropertyPath);
        Assert.Equal("L:bad", f.Location);
        Assert.Contains(entry, f.Message);
        Assert.Equal(replacement, f.Fix["replacement"]);
    }

    [Fact]
    public void CRG110_fires_on_a_second_wildcard_but_not_the_first()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Add(V("_default", "L:w1"));
        Assert.Empty(g.Run("CRG110"));
        g.Spegel.MirroredRegistries.Add(V("*", "L:w2"));
        Assert.Equal("L:w2", Assert.Single(g.Run("CRG110")).Location);
    }

    [Fact]
    public void CRG110_silent_for_unknown_entries()
    {
        var g = new GoodSnapshot();
        g.Spegel.MirroredRegistries.Add(U<string>());
        Assert.Empty(g.Run("CRG110"));
    }
}
