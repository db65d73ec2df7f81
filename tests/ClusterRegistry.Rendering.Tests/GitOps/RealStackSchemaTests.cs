using System.Text.Json.Nodes;
using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.Talos;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Rules.Tests.RealStacks;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Tests.GitOps;

/// <summary>
/// The stacks transcribed from public home-ops repositories render schema-valid: every Talos document against the schema
/// of its Talos version, every Flux object against its CRD (no unknown fields).
/// </summary>
public sealed class RealStackSchemaTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var t in RealStackCatalog.Types)
        {
            data.Add(t.Name);
        }

        return data;
    }

    private static string SchemaFor(TalosVersion v) => (v.Major, v.Minor) switch
    {
        (1, <= 11) => "talos-config.v1.11.6.schema.json",
        (1, 12) => "talos-config.v1.12.11.schema.json",
        (1, 13) => "talos-config.v1.13.9.schema.json",
        _ => "talos-config.v1.14.0-rc.1.schema.json",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Talos_documents_validate_against_their_version_schema(string typeName)
    {
        var stack = RealStackCatalog.Build(RealStackCatalog.Types.Single(t => t.Name == typeName));
        foreach (var patch in stack.ResourcesOf<TalosMachinePatch>())
        {
            foreach (var doc in YamlJson.Documents(TalosPatchRenderer.Render(patch)))
            {
                var instance = doc!.DeepClone();
                // The legacy machine.registries/extraHostEntries fields that a stack keeps on v1.12+ (RegistryConfigForm =
                // Legacy) are honoured by Talos but were dropped from the v1.12+ JSON schemas; the v1.11 schema is the last
                // that describes them, so the legacy part is checked there and the rest against the node's version.
                var legacy = instance["machine"]?["registries"] is not null || instance["machine"]?["network"] is not null;
                var schema = Schemas.Talos(legacy ? "talos-config.v1.11.6.schema.json" : SchemaFor(patch.Version));
                var errors = Schemas.Errors(schema, instance);
                Assert.True(errors.Count == 0, $"{typeName} {patch.Name} {doc["kind"] ?? "v1alpha1"}: {string.Join("; ", errors)}");
                if (legacy && instance["machine"]!["files"] is JsonNode files && patch.Version.UsesCriCustomizationDocument)
                {
                    Assert.Fail($"{typeName}: machine.files rendered for Talos {patch.Version}: {files}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Flux_objects_validate_against_their_crds(string typeName)
    {
        var stack = RealStackCatalog.Build(RealStackCatalog.Types.Single(t => t.Name == typeName));
        var tree = GitOpsRenderer.Render(stack);
        var releases = 0;
        foreach (var (path, content) in tree.Where(f => f.Key.StartsWith("kubernetes/", StringComparison.Ordinal) && f.Key.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            foreach (var doc in YamlJson.Documents(content))
            {
                (string File, string Version)? crd = ((string?)doc!["kind"], (string?)doc["apiVersion"]) switch
                {
                    ("HelmRelease", "helm.toolkit.fluxcd.io/v2") => ("flux-helmrelease-crd.yaml", "v2"),
                    ("HelmRepository", "source.toolkit.fluxcd.io/v1") => ("flux-helmrepositories-crd.yaml", "v1"),
                    ("OCIRepository", "source.toolkit.fluxcd.io/v1") => ("flux-ocirepositories-crd.yaml", "v1"),
                    _ => null,
                };
                if (crd is null)
                {
                    continue;
                }

                Assert.Empty(Schemas.Errors(Schemas.Crd(crd.Value.File, crd.Value.Version), doc));
                Assert.Empty(Schemas.UnknownFields(Schemas.CrdSchemaNode(crd.Value.File, crd.Value.Version), doc));
                releases += (string?)doc["kind"] == "HelmRelease" ? 1 : 0;
            }
        }

        // A stack whose only registry is outside the cluster installs no chart: no HelmRelease at all.
        var charts = stack.ResourcesOf<ClusterRegistry.Harbor.HarborRegistry>().Count() + stack.ResourcesOf<ClusterRegistry.Spegel.SpegelRelease>().Count();
        Assert.Equal(charts > 0, releases > 0);
    }

    [Fact]
    public void Gateway_route_and_values_tree_reach_the_harbor_release()
    {
        var tree = GitOpsRenderer.Render(RealStackCatalog.Build(typeof(VrozaksenHomeOpsStack)));
        var release = tree.Single(f => f.Key.EndsWith("harbor/app/helmrelease.yaml", StringComparison.Ordinal)).Value;
        var values = YamlJson.Documents(release).Single()!["spec"]!["values"]!;
        Assert.Equal("route", (string?)values["expose"]!["type"]);
        Assert.False((bool)values["expose"]!["tls"]!["enabled"]!);
        Assert.Equal("registry.vzkn.eu", (string?)values["expose"]!["route"]!["hosts"]![0]);
        Assert.Equal("envoy-external", (string?)values["expose"]!["route"]!["parentRefs"]![0]!["name"]);
        Assert.Equal("group: harbor", (string?)values["expose"]!["route"]!["annotations"]!["gatus.home-operations.com/endpoint"]);
        Assert.Equal("harbor-secret", (string?)values["existingSecretAdminPassword"]);
        Assert.Equal("https://registry.vzkn.eu", (string?)values["externalURL"]);
        // No admin Secret is generated for a password the stack only names.
        Assert.DoesNotContain(tree.Keys, k => k.Contains("harbor-admin", StringComparison.Ordinal));
    }

    [Fact]
    public void Legacy_form_on_talos_1_13_keeps_machine_registries_with_override_path()
    {
        var patch = RealStackCatalog.Build(typeof(VrozaksenHomeOpsStack)).ResourcesOf<TalosMachinePatch>().Single();
        var docs = YamlJson.Documents(TalosPatchRenderer.Render(patch));
        var machine = docs.Single()!["machine"]!;
        Assert.True((bool)machine["registries"]!["mirrors"]!["docker.io"]!["overridePath"]!);
        Assert.Equal("https://registry.vzkn.eu/v2/proxy-dockerhub", (string?)machine["registries"]!["mirrors"]!["docker.io"]!["endpoints"]![0]);
        Assert.Equal(2, machine["files"]!.AsArray().Count);
    }

    [Fact]
    public void Files_on_talos_1_14_become_documents()
    {
        var patch = RealStackCatalog.Build(typeof(Onedr0pHomeOpsStack)).ResourcesOf<TalosMachinePatch>().Single();
        var kinds = YamlJson.Documents(TalosPatchRenderer.Render(patch)).Select(d => (string?)d!["kind"] ?? "v1alpha1").ToList();
        Assert.Equal(["CRICustomizationConfig", "EtcFileConfig"], kinds);
    }
}
