using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Rules;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Tests.Real;

/// <summary>
/// Public home-ops repositories transcribed under <c>Repositories/</c> (each README names the repository, the commit and
/// the upstream facts behind every expectation). The expected findings come from those facts, not from our output.
/// </summary>
public sealed class RealRepositoryTests
{
    private static (RepositoryScan Scan, IReadOnlyList<Finding> Findings) Check(string name)
    {
        var scan = RepositoryScanner.Scan(Fixtures.Path(name));
        return (scan, scan.Check());
    }

    private static SourceFileLocation Where(Finding f) => Assert.IsType<SourceFileLocation>(f.Location);

    [Fact]
    public void FalkWinkler_spegel_mirroring_every_registry_next_to_harbor_proxy_cache_mirrors_is_CRG101_at_the_release()
    {
        // Spegel's default mirroredRegistries [] writes only _default/hosts.toml after moving Talos's docker.io/, ghcr.io/,
        // … dirs (the Harbor proxy-cache endpoints) to _backup: the proxy cache is bypassed (siderolabs/talos#10647).
        var (scan, findings) = Check("falkwinkler-home-ops");
        var crg101 = Assert.Single(findings, f => f.Id == "CRG101");
        var at = Where(crg101);
        Assert.Equal("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml", at.Path);
        Assert.Equal(5, at.Line); // metadata.name: the chart default applies because the release sets no list
        Assert.Contains("_backup", crg101.Message);

        // What they do right stays quiet: Talos's config path, unpacked layers kept, kube-system.
        Assert.DoesNotContain(findings, f => f.Id is "CRG105" or "CRG106" or "CRG109" or "CRG102" or "CRG103");

        // The reader saw the five Talos mirrors (all proxy-cache endpoints, overridePath) and the Talos version from talenv.yaml,
        // in two machine configs: node1 has a patch of its own (disk encryption), node2 and node3 share the same list.
        Assert.Equal(2, scan.Snapshot.TalosPatches.Count);
        foreach (var patch in scan.Snapshot.TalosPatches)
        {
            Assert.Equal(new[] { "docker.io", "ghcr.io", "gcr.io", "registry.k8s.io", "quay.io" }, patch.Mirrors.Select(m => m.Key.Value));
            Assert.All(patch.Mirrors, m => Assert.True(m.OverridePath.Value));
            Assert.Equal("v1.13.5", patch.TalosVersion.Value);
        }

        Assert.Equal(new[] { "10.11.0.16", "10.11.0.17", "10.11.0.18" }, scan.Snapshot.TalosPatches.SelectMany(p => p.Nodes).Select(n => n.Value).Order());
        Assert.Equal("kube-system", scan.Snapshot.Spegels[0].Namespace.Value);
    }

    [Fact]
    public void FalkWinkler_mirror_findings_point_at_the_patch_file_line_and_column()
    {
        var (_, findings) = Check("falkwinkler-home-ops");
        foreach (var f in findings.Where(f => f.Id == "CRG210"))
        {
            var at = Where(f);
            Assert.StartsWith("talos/", at.Path);
            Assert.True(at.Line > 0 && at.Column > 0, f.ToString());
        }
    }

    [Fact]
    public void Anton_harbor_listed_in_spegel_with_prepend_gets_no_spegel_or_mirror_finding()
    {
        var (scan, findings) = Check("wcygan-anton");
        Assert.DoesNotContain(findings, f => f.Id.StartsWith("CRG1", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Id is "CRG201" or "CRG204" or "CRG207" or "CRG209" or "CRG211" or "CRG306");

        // Deprecated, still honoured: machine.registries on v1.13.6 (Talos v1.12 release note).
        var legacy = Assert.Single(findings, f => f.Id == "CRG210");
        Assert.Equal(RuleSeverity.Warning, legacy.Severity);

        var harbor = Assert.Single(scan.Snapshot.Harbors);
        Assert.Equal("registries", harbor.Namespace.Value);
        Assert.Equal("http://192.168.1.106", harbor.EffectiveExternalUrl.Value);
        Assert.Equal("192.168.1.106", harbor.RegistryHost.Value);
        Assert.Equal(HarborExposeKind.LoadBalancer, harbor.Expose.Value);
        Assert.False(harbor.Tls.Value);

        Assert.DoesNotContain(scan.Notices, n => n.Kind == NoticeKind.Error);
    }

    [Fact]
    public void Flatops_talos_path_kept_layers_and_unknown_namespace_are_not_findings()
    {
        var (scan, findings) = Check("jfroy-flatops");
        Assert.Empty(Assert.Single(scan.Snapshot.TalosPatches).Mirrors);
        Assert.DoesNotContain(findings, f => f.Id is "CRG105" or "CRG106" or "CRG109");
    }

    [Fact]
    public void Flatops_spegel_default_without_talos_mirrors_is_not_CRG101()
    {
        // No Talos mirror: nothing for Spegel to move to _backup; an empty list is Spegel's intended default.
        var (_, findings) = Check("jfroy-flatops");
        Assert.DoesNotContain(findings, f => f.Id == "CRG101");
    }

    [Fact]
    public void Flatops_single_quoted_toml_table_keeps_unpacked_layers()
    {
        var (scan, _) = Check("jfroy-flatops");
        var file = Assert.Single(Assert.Single(scan.Snapshot.TalosPatches).Files);
        Assert.Equal(TalosFileInfo.CriCustomizationPath, file.Path.Value);
        Assert.False(Topo.DiscardUnpackedLayers(file.Content.Value));
        // The inline patch's content maps back to talconfig.yaml: the 'files' entry ("- op: create") is line 44, column 11.
        var at = Assert.IsType<SourceFileLocation>(file.Location);
        Assert.Equal("talos/talconfig.yaml", at.Path);
        Assert.Equal(44, at.Line);
        Assert.Equal(11, at.Column);
    }

    [Fact]
    public void Vrozaksen_overridePath_mirrors_on_v1_13_7_in_machine_registries_are_not_CRG215()
    {
        // overridePath since Talos v1.3 (siderolabs/talos#6577); machine.registries deprecated but read on v1.12+: a warning
        // (CRG210), never a refusal. See Repositories/vrozaksen-home-ops/README.md.
        var (scan, findings) = Check("vrozaksen-home-ops");
        Assert.DoesNotContain(findings, f => f.Id == "CRG215");
        var legacy = Assert.Single(findings, f => f.Id == "CRG210");
        Assert.Equal(RuleSeverity.Warning, legacy.Severity);

        // The reader saw what the rule needed: the version, sixteen overridePath mirrors, the legacy form, no documents.
        var patch = Assert.Single(scan.Snapshot.TalosPatches);
        Assert.Equal("v1.13.7", patch.TalosVersion.Value);
        Assert.Equal(16, patch.Mirrors.Count);
        Assert.All(patch.Mirrors, m => Assert.True(m.OverridePath.Value));
        Assert.All(patch.Mirrors, m => Assert.Null(m.SkipFallback.Value));
        Assert.True(patch.RendersLegacyRegistryFields.Value);
        Assert.False(patch.DocumentsFormChosen.Value);
        Assert.DoesNotContain(scan.Notices, n => n.Kind == NoticeKind.Error);
    }

    [Theory]
    [InlineData("falkwinkler-home-ops")] // overridePath, machine.registries, v1.13.5
    [InlineData("wcygan-anton")] // machine.registries, v1.13.6
    [InlineData("jfroy-flatops")]
    public void The_other_transcribed_repositories_are_not_CRG215(string name)
    {
        var (_, findings) = Check(name);
        Assert.DoesNotContain(findings, f => f.Id == "CRG215");
    }
}
