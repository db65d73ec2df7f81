using System.Text.Json.Nodes;
using ClusterRegistry.Harbor;
using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Tests.GitOps;

/// <summary>
/// Every file of the GitOps tree of whole stacks — the repository's and a variant that takes the other branches (Spegel
/// in its own namespace with a post-0.7 chart, Harbor over TLS on a NodePort without an admin secret, a per-node patch
/// at v1.14 next to a global legacy one) — validates: Talos patches against the schema of their patch's version,
/// Flux objects against their CRD, with no unknown fields.
/// </summary>
public sealed class StackSchemaTests
{
    public static IEnumerable<object[]> StackNames() => [["homelab"], ["local"], ["variant"], ["homelab-v1.12"], ["homelab-v1.13"], ["homelab-v1.14"]];

    private static Stack Build(string name) => name switch
    {
        "homelab" or "local" => Stacks.StackDirectory.Catalog.Build(name),
        "variant" => Variant(),
        _ => Homelab.AtTalosVersion(name["homelab-".Length..]),
    };

    private static string SchemaFile(TalosVersion v) => (v.Major, v.Minor) switch
    {
        (1, <= 11) => "talos-config.v1.11.6.schema.json",
        (1, 12) => "talos-config.v1.12.11.schema.json",
        (1, 13) => "talos-config.v1.13.9.schema.json",
        _ => "talos-config.v1.14.0-rc.1.schema.json",
    };

    [Theory]
    [MemberData(nameof(StackNames))]
    public void Every_talos_patch_file_validates_against_its_version_schema(string name)
    {
        var stack = Build(name);
        var tree = GitOpsRenderer.Render(stack);
        var files = tree.Where(f => f.Key.StartsWith("talos/patches/", StringComparison.Ordinal)).ToList();
        Assert.Equal(stack.ResourcesOf<TalosMachinePatch>().Count(), files.Count);
        foreach (var (path, content) in files)
        {
            var patch = stack.ResourcesOf<TalosMachinePatch>().Single(p => path.EndsWith("/" + p.Name + ".yaml", StringComparison.Ordinal));
            var schema = Schemas.Talos(SchemaFile(patch.Version));
            foreach (var doc in YamlJson.Documents(content))
            {
                var instance = doc!.DeepClone();
                if (patch.Version is { Major: 1, Minor: 12 or 13 } && (string?)instance["kind"] == "RegistryTLSConfig" && instance["clientIdentity"] is JsonObject id && id["cert"] is not null)
                {
                    // Schema quirk (siderolabs/talos config.schema.json, fixed in v1.14 by commit d0291bb0b):
                    // v1.12.x–v1.13.x schemas call the field `crt`, Talos parses `cert`.
                    id["crt"] = id["cert"]!.DeepClone();
                    id.Remove("cert");
                }

                var errors = Schemas.Errors(schema, instance);
                Assert.True(errors.Count == 0, $"{name} {path} {doc["kind"] ?? "v1alpha1"}: {string.Join("; ", errors)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(StackNames))]
    public void Every_flux_object_validates_against_its_crd(string name)
    {
        var tree = GitOpsRenderer.Render(Build(name));
        var releases = 0;
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
                    ("Kustomization", "kustomize.toolkit.fluxcd.io/v1") or ("Kustomization", "kustomize.config.k8s.io/v1beta1") or ("Namespace", "v1") or ("Secret", "v1") => null,
                    _ => throw new Xunit.Sdk.XunitException($"{path}: unexpected {api} {kind}"),
                };
                if (crd is null)
                {
                    continue;
                }

                var errors = Schemas.Errors(Schemas.Crd(crd.Value.File, crd.Value.Version), doc);
                Assert.True(errors.Count == 0, $"{name} {path}: {string.Join("; ", errors)}");
                var unknown = Schemas.UnknownFields(Schemas.CrdSchemaNode(crd.Value.File, crd.Value.Version), doc);
                Assert.True(unknown.Count == 0, $"{name} {path}: unknown fields {string.Join(", ", unknown)}");
                releases += kind == "HelmRelease" ? 1 : 0;
            }
        }

        Assert.Equal(2, releases);
    }

    [Fact]
    public void Variant_takes_the_other_branches()
    {
        var tree = GitOpsRenderer.Render(Variant());
        Assert.Contains("talos/patches/global/machine-network.yaml", tree.Keys);
        Assert.Contains("talos/patches/nodes/newer-nodes.yaml", tree.Keys);
        Assert.Contains("pod-security.kubernetes.io/enforce: privileged", tree["kubernetes/apps/spegel/namespace.yaml"]);
        Assert.DoesNotContain("hostPort", tree["kubernetes/apps/spegel/spegel/app/helmrelease.yaml"]);
        Assert.DoesNotContain("secret.yaml", string.Join(" ", tree.Keys));
        Assert.Contains("kind: CRICustomizationConfig", tree["talos/patches/nodes/newer-nodes.yaml"]);
    }

    private static Stack Variant() => TestStack.Build(() =>
    {
        new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "registry",
            ChartVersion = "1.17.1",
            Expose = HarborExpose.NodePort,
            ExternalUrl = "https://harbor.example.org",
            ClusterIP = "10.43.0.50",
            Tls = true,
            Trivy = true,
            StorageClass = "local-path",
            ExtraValues = { ["core.replicas"] = "2", ["registry.relativeurls"] = "true" },
        });
        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "spegel",
            ChartVersion = "0.8.0",
            MirroredRegistries = { "https://docker.io", "https://harbor.example.org" },
            AdditionalMirrorTargets = { "https://mirror.example.org" },
            PrependExisting = true,
            ResolveTags = false,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            NamespaceLabels = { ["team"] = "platform" },
        });
        new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Nodes = { "192.168.1.98", "192.168.1.99" },
            Mirrors = { ["docker.io"] = new TalosMirror { Endpoints = { "https://harbor.example.org/v2/proxy-docker" }, OverridePath = true, SkipFallback = true } },
            RegistryConfig = { ["harbor.example.org"] = new TalosRegistryConfig { Tls = new TalosRegistryTls { InsecureSkipVerify = true } } },
            Files = { new TalosFile { Path = "/var/etc/extra.conf", Content = "x = 1\n", Op = TalosFileOp.Overwrite, Permissions = 0b110_100_100 } },
        });
        new TalosMachinePatch("newer-nodes", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.14",
            Nodes = { "192.168.1.99" },
            Mirrors = { ["ghcr.io"] = new TalosMirror { Endpoints = { "https://harbor.example.org/v2/proxy-ghcr" }, OverridePath = true } },
            RegistryConfig = { ["harbor.example.org"] = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = "robot$ci", Password = Secret.FromEnvironment("CI_PASSWORD") } } },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.0.50", Aliases = { "harbor.example.org" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
    });
}
