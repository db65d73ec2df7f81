using System.Text.Json.Nodes;
using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.Talos;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Tests.GitOps;

/// <summary>Every rendered Talos document validates against its version's schema; every Flux object against its CRD.</summary>
public sealed class SchemaValidationTests
{
    public static IEnumerable<object[]> TalosVersions() =>
    [
        ["v1.11", "talos-config.v1.11.6.schema.json"],
        ["v1.12", "talos-config.v1.12.11.schema.json"],
        ["v1.13", "talos-config.v1.13.9.schema.json"],
        ["v1.14", "talos-config.v1.14.0-rc.1.schema.json"],
    ];

    [Theory]
    [MemberData(nameof(TalosVersions))]
    public void Talos_documents_validate_against_their_version_schema(string version, string schemaFile)
    {
        var stack = Homelab.AtTalosVersion(version);
        var patch = stack.ResourcesOf<TalosMachinePatch>().Single();
        var documents = YamlJson.Documents(TalosPatchRenderer.Render(patch));
        Assert.NotEmpty(documents);
        var schema = Schemas.Talos(schemaFile);
        foreach (var doc in documents)
        {
            var instance = doc!.DeepClone();
            if (version is "v1.12" or "v1.13" && (string?)instance["kind"] == "RegistryTLSConfig" && instance["clientIdentity"] is JsonObject id)
            {
                // Schema quirk (siderolabs/talos config.schema.json, fixed in v1.14 by commit d0291bb0b):
                // v1.12.x–v1.13.x schemas call the field `crt`, Talos parses `cert`.
                Assert.NotNull(id["cert"]);
                id["crt"] = id["cert"]!.DeepClone();
                id.Remove("cert");
            }

            Assert.True(Schemas.Errors(schema, instance) is { Count: 0 } errors, $"{version} {doc["kind"] ?? "v1alpha1 patch"}: {string.Join("; ", Schemas.Errors(schema, instance))}");
        }

        var kinds = documents.Select(d => (string?)d!["kind"] ?? "v1alpha1").ToList();
        if (TalosVersion.TryParse(version, out var v) && v.UsesMultiDocRegistryConfig)
        {
            Assert.Contains("RegistryMirrorConfig", kinds);
            Assert.Contains("RegistryAuthConfig", kinds);
            Assert.Contains("RegistryTLSConfig", kinds);
            Assert.Contains("StaticHostConfig", kinds);
            Assert.Equal(v.UsesCriCustomizationDocument, kinds.Contains("CRICustomizationConfig"));
        }
        else
        {
            Assert.Equal(["v1alpha1"], kinds);
        }
    }

    [Fact]
    public void Legacy_patch_is_rejected_by_the_v1_12_schema_which_is_why_v1_11_is_used_for_it()
    {
        // Guards the test above: the schema really is strict, legacy fields are absent from >= 1.12 schemas.
        var patch = Homelab.AtTalosVersion("v1.11").ResourcesOf<TalosMachinePatch>().Single();
        var doc = YamlJson.Documents(TalosPatchRenderer.Render(patch)).Single();
        Assert.NotEmpty(Schemas.Errors(Schemas.Talos("talos-config.v1.12.11.schema.json"), doc));
    }

    [Fact]
    public void Every_flux_object_validates_against_its_crd_and_declares_no_unknown_fields()
    {
        var tree = GitOpsRenderer.Render(Homelab.Build());
        var checkedKinds = new List<string>();
        foreach (var (path, content) in tree.Where(f => f.Key.StartsWith("kubernetes/", StringComparison.Ordinal) && f.Key.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            foreach (var doc in YamlJson.Documents(content))
            {
                var kind = (string?)doc!["kind"];
                var api = (string?)doc["apiVersion"];
                (string File, string Version)? crd = (kind, api) switch
                {
                    ("HelmRelease", "helm.toolkit.fluxcd.io/v2") => ("flux-helmrelease-crd.yaml", "v2"),
                    ("HelmRepository", "source.toolkit.fluxcd.io/v1") => ("flux-helmrepositories-crd.yaml", "v1"),
                    ("OCIRepository", "source.toolkit.fluxcd.io/v1") => ("flux-ocirepositories-crd.yaml", "v1"),
                    ("HelmRelease" or "HelmRepository" or "OCIRepository", _) => throw new Xunit.Sdk.XunitException($"{path}: unexpected apiVersion {api}"),
                    _ => null,
                };
                if (crd is null)
                {
                    continue;
                }

                var errors = Schemas.Errors(Schemas.Crd(crd.Value.File, crd.Value.Version), doc);
                Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors)}");
                var unknown = Schemas.UnknownFields(Schemas.CrdSchemaNode(crd.Value.File, crd.Value.Version), doc);
                Assert.True(unknown.Count == 0, $"{path}: unknown fields {string.Join(", ", unknown)}");
                checkedKinds.Add(kind!);
            }
        }

        Assert.Equal(2, checkedKinds.Count(k => k == "HelmRelease"));
        Assert.Contains("HelmRepository", checkedKinds);
        Assert.Contains("OCIRepository", checkedKinds);
    }

    [Fact]
    public void Crd_validation_is_not_vacuous()
    {
        var bad = JsonNode.Parse("""{"apiVersion":"helm.toolkit.fluxcd.io/v2","kind":"HelmRelease","metadata":{"name":"x"},"spec":{"interval":"soon","chartRef":{"kind":"Nope","name":"x"}}}""");
        Assert.NotEmpty(Schemas.Errors(Schemas.Crd("flux-helmrelease-crd.yaml", "v2"), bad));
        Assert.Equal([".spec.valuez"], Schemas.UnknownFields(Schemas.CrdSchemaNode("flux-helmrelease-crd.yaml", "v2"), JsonNode.Parse("""{"spec":{"valuez":{}}}""")));
    }
}
