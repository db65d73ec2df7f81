using System.Text.Json.Nodes;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rules.Tests.Rules;

/// <summary>
/// CRG215 near misses on the model, from configurations public repositories use: a false alarm refuses a user's build, so
/// each setting on a Talos version that has it must stay silent, and each version boundary is pinned at its patch level.
/// The version table is also checked against Talos's published machine-config schemas (<c>config.schema.json</c> of each
/// release's docs): where a field or document kind appears in a schema, CRG215 must accept it at that version.
/// </summary>
public sealed class TalosVersionLimitRealConfigTests
{
    private static TalosPatchInfo Patch(string version, bool legacyForm = false, bool documents = false, params MirrorInfo[] mirrors)
    {
        var p = new TalosPatchInfo
        {
            Name = "p",
            TalosVersion = Val.Known(version, "L:talosVersion"),
            RendersLegacyRegistryFields = legacyForm,
            LegacyRegistryFormChosen = false, // a repository's machine.registries is what it has, not an SDK choice
            DocumentsFormChosen = Val.Known(documents, "L:kind"),
            Location = "L:patch",
        };
        p.Mirrors.AddRange(mirrors);
        return p;
    }

    private static MirrorInfo Mirror(string key, string endpoint, bool? overridePath = null, bool? skipFallback = null)
    {
        var m = new MirrorInfo
        {
            Key = Val.Known(key, "L:" + key),
            OverridePath = Val.Known(overridePath, "L:" + key + ".overridePath"),
            SkipFallback = Val.Known(skipFallback, "L:" + key + ".skipFallback"),
            Location = "L:" + key,
        };
        m.Endpoints.Add(Val.Known(endpoint, "L:" + key + ".endpoint"));
        return m;
    }

    private static List<Finding> Crg215(TalosPatchInfo patch)
    {
        var snapshot = new TopologySnapshot { StackName = "repo" };
        snapshot.TalosPatches.Add(patch);
        return RuleEngine.Run(snapshot).Where(f => f.Id == "CRG215").ToList();
    }

    [Fact]
    public void Vrozaksen_home_ops_overridePath_harbor_proxy_mirrors_on_v1_13_7_in_machine_registries()
    {
        // vrozaksen/home-ops@7d368ecdaae411b40d8bc1c01e8e32ac7569a8d4 talos/talconfig.yaml (talosVersion: v1.13.7) and
        // talos/patches/global/machine-registries.yaml: legacy machine.registries.mirrors, each a Harbor proxy-cache project
        // with overridePath: true. overridePath exists since v1.3 (siderolabs/talos#6577; v1alpha1.RegistryMirrorConfig of
        // talos-config.v1.11.6.schema.json has it), and machine.registries is deprecated but still read on v1.12 and later
        // (Talos v1.12 release notes): that is CRG210's warning, never CRG215's refusal.
        var patch = Patch("v1.13.7", legacyForm: true, documents: false,
            Mirror("docker.io", "https://registry.vzkn.eu/v2/proxy-dockerhub", overridePath: true),
            Mirror("ghcr.io", "https://registry.vzkn.eu/v2/proxy-ghcr", overridePath: true),
            Mirror("quay.io", "https://registry.vzkn.eu/v2/proxy-quay", overridePath: true),
            Mirror("registry.k8s.io", "https://registry.vzkn.eu/v2/proxy-k8s", overridePath: true));
        Assert.Empty(Crg215(patch));
    }

    [Fact]
    public void FalkWinkler_home_ops_overridePath_on_v1_13_5()
    {
        // FalkWinkler/home-ops@3d9d985427afe2a0fe34898b2a69c6f87dcfe2cf talos/patches/global/machine-mirrors.yaml with
        // talosVersion v1.13.5 from talos/talenv.yaml.
        var patch = Patch("v1.13.5", legacyForm: true, documents: false,
            Mirror("docker.io", "https://reg.f-wi.com/v2/proxy-docker.io", overridePath: true),
            Mirror("ghcr.io", "https://reg.f-wi.com/v2/proxy-ghcr.io", overridePath: true));
        Assert.Empty(Crg215(patch));
    }

    [Theory]
    [InlineData("v1.12.4", 0)] // as reported in siderolabs/talos#12972
    [InlineData("v1.12.0", 0)]
    [InlineData("v1.11.6", 1)] // the document kind is missing: one finding, on the form
    [InlineData("v1.8.4", 2)] // and skipFallback is missing too
    public void Talos_issue_12972_RegistryMirrorConfig_with_skipFallback_false(string version, int findings)
    {
        // The configuration of siderolabs/talos#12972 (Talos v1.12.4): a RegistryMirrorConfig document for docker.io with one
        // endpoint and skipFallback: false. An explicit false is still the field, so it needs v1.9 as much as true does.
        var patch = Patch(version, documents: true, mirrors: Mirror("docker.io", "http://docker-io.regproxy.example.com", skipFallback: false));
        var found = Crg215(patch);
        Assert.Equal(findings, found.Count);
        if (findings == 2)
        {
            Assert.Contains(found, f => f.PropertyPath.EndsWith(".SkipFallback", StringComparison.Ordinal) && f.Value == "false");
        }
    }

    [Theory]
    [InlineData("v1.8.4", true)]
    [InlineData("v1.8", true)]
    [InlineData("v1.9.0", false)]
    [InlineData("v1.9", false)]
    public void SkipFallback_boundary_is_exactly_v1_9(string version, bool fires)
    {
        var patch = Patch(version, legacyForm: true, mirrors: Mirror("docker.io", "https://harbor.example.com", skipFallback: true));
        Assert.Equal(fires ? 1 : 0, Crg215(patch).Count);
    }

    [Theory]
    [InlineData("v1.2.8", true)]
    [InlineData("v1.3.0", false)]
    [InlineData("v1.4.8", false)]
    public void OverridePath_boundary_is_exactly_v1_3(string version, bool fires)
    {
        var patch = Patch(version, legacyForm: true, mirrors: Mirror("docker.io", "https://harbor.example.com/v2/proxy-docker.io", overridePath: true));
        Assert.Equal(fires ? 1 : 0, Crg215(patch).Count);
    }

    [Theory]
    [InlineData("v1.11.6", true)]
    [InlineData("v1.12.0", false)]
    public void Documents_boundary_is_exactly_v1_12(string version, bool fires)
    {
        var patch = Patch(version, documents: true, mirrors: Mirror("docker.io", "https://harbor.example.com"));
        Assert.Equal(fires ? 1 : 0, Crg215(patch).Count);
    }

    /// <summary>The Talos machine-config schemas published for each release (the files as Talos's docs publish them).</summary>
    public static TheoryData<string, string> Schemas => new()
    {
        { "v1.11.6", "talos-config.v1.11.6.schema.json" },
        { "v1.12.11", "talos-config.v1.12.11.schema.json" },
        { "v1.13.9", "talos-config.v1.13.9.schema.json" },
        { "v1.14.0-rc.1", "talos-config.v1.14.0-rc.1.schema.json" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_version_table_agrees_with_the_published_schema(string version, string file)
    {
        var defs = JsonNode.Parse(File.ReadAllText(RepoPaths.Schema(file)))!["$defs"]!.AsObject();
        JsonObject? Props(string name) => defs[name]?["properties"]?.AsObject();
        JsonObject? Kind(string kind) => defs.Select(d => d.Value).FirstOrDefault(d =>
            d?["properties"]?["kind"]?["enum"]?.AsArray().Any(k => (string?)k == kind) == true)?["properties"]?.AsObject();

        var documents = new[] { "RegistryMirrorConfig", "RegistryAuthConfig", "RegistryTLSConfig" };
        var hasDocuments = documents.All(k => Kind(k) is not null);
        Assert.True(hasDocuments || documents.All(k => Kind(k) is null), $"{file}: the three registry kinds arrive together");

        // Where a schema carries the mirror settings: machine.registries.mirrors.<name> (v1alpha1.RegistryMirrorConfig, left
        // out of the published schema from v1.12 on, where it is deprecated but still read), or the RegistryMirrorConfig
        // document (skipFallback) and its endpoints (overridePath, a per-endpoint field there).
        var legacy = Props("v1alpha1.RegistryMirrorConfig");
        var document = Kind("RegistryMirrorConfig");
        var endpoint = document?["endpoints"]?["items"]?["$ref"] is { } r ? Props(((string)r!).Replace("#/$defs/", "")) : null;
        Assert.True(legacy is not null || document is not null, $"{file}: no registry mirror configuration at all");

        foreach (var (field, inSchema, mirror) in new[]
        {
            ("skipFallback", legacy?.ContainsKey("skipFallback") == true || document?.ContainsKey("skipFallback") == true,
                Mirror("docker.io", "https://harbor.example.com", skipFallback: true)),
            ("overridePath", legacy?.ContainsKey("overridePath") == true || endpoint?.ContainsKey("overridePath") == true,
                Mirror("docker.io", "https://harbor.example.com/v2/proxy-docker.io", overridePath: true)),
        })
        {
            // Judged in the form this schema describes.
            var fires = Crg215(Patch(version, legacyForm: legacy is not null, documents: legacy is null, mirrors: mirror)).Count > 0;
            Assert.True(inSchema != fires, $"{file}: {field} in schema = {inSchema}, CRG215 fires = {fires}");
        }

        // The documents form: CRG215 refuses it exactly where the schema has no such kind.
        var documentsFire = Crg215(Patch(version, documents: true, mirrors: Mirror("docker.io", "https://harbor.example.com"))).Count > 0;
        Assert.True(hasDocuments != documentsFire, $"{file}: registry document kinds in schema = {hasDocuments}, CRG215 fires = {documentsFire}");

        // The other document kinds a repository may carry: CRG215 refuses each exactly where the schema has no such kind.
        foreach (var kind in new[] { "StaticHostConfig", "EtcFileConfig", "CRICustomizationConfig" })
        {
            var patch = Patch(version);
            patch.DocumentKinds.Add(new KeyValuePair<string, object?>(kind, "L:" + kind));
            var fires = Crg215(patch).Any(f => f.PropertyPath == kind);
            Assert.True((Kind(kind) is not null) != fires, $"{file}: {kind} in schema = {Kind(kind) is not null}, CRG215 fires = {fires}");
        }
    }

    [Fact]
    public void The_first_schema_with_the_registry_documents_is_the_version_CRG215_starts_accepting_them()
    {
        // Of the published schemas, v1.11 lacks the kinds and v1.12 has them: the boundary is pinned by the schemas themselves.
        var first = Schemas.Select(row => ((string)row[0], (string)row[1]))
            .Where(s => File.ReadAllText(RepoPaths.Schema(s.Item2)).Contains("\"RegistryMirrorConfig\"", StringComparison.Ordinal))
            .Select(s => s.Item1)
            .First();
        Assert.Equal("v1.12.11", first);
        Assert.Single(Crg215(Patch("v1.11.6", documents: true)));
        Assert.Empty(Crg215(Patch("v1.12.0", documents: true)));
    }
}
