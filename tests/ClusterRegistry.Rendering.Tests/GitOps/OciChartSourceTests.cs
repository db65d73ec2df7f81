using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Rendering.Tests.GitOps;

/// <summary>
/// A release with a <see cref="OciChartSource"/> renders a Flux OCIRepository and a HelmRelease with <c>spec.chartRef</c>
/// (never <c>chart.spec</c>), valid against the Flux CRDs with no unknown field, byte-identical on every render.
/// </summary>
public sealed class OciChartSourceTests
{
    private static Stack Build() => TestStack.Build(() =>
    {
        new HarborRegistry("harbor", new HarborArgs
        {
            Expose = HarborExpose.ClusterIP,
            ExternalUrl = "https://harbor.example.com",
            Tls = false,
            ChartSource = new OciChartSource
            {
                Url = "oci://registry-1.docker.io/goharbor/harbor-helm",
                Semver = ">=1.17.0 <1.18.0",
                SemverFilter = "^1\\.17\\.[0-9]+$",
                Interval = "1h",
                Verify = new ChartVerification
                {
                    MatchOidcIdentity =
                    {
                        new OidcIdentityMatch { Issuer = "^https://token.actions.githubusercontent.com$", Subject = "^https://github.com/goharbor/harbor-helm.*$" },
                    },
                },
            },
        });
        new SpegelRelease("spegel", new SpegelArgs
        {
            MirroredRegistries = { "https://docker.io" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            ChartSource = new OciChartSource
            {
                Url = "oci://ghcr.io/spegel-org/helm-charts/spegel",
                Digest = "sha256:" + new string('c', 64),
                Verify = new ChartVerification { Provider = ChartVerificationProvider.Notation, SecretName = "notation-config" },
            },
        });
    });

    [Fact]
    public void Harbor_gets_an_OCIRepository_and_chartRef_instead_of_a_HelmRepository()
    {
        var tree = GitOpsRenderer.Render(Build());
        const string app = "kubernetes/apps/harbor/harbor/app/";
        Assert.Contains(app + "ocirepository.yaml", tree.Keys);
        Assert.DoesNotContain(app + "helmrepository.yaml", tree.Keys);
        Assert.Contains("./ocirepository.yaml", tree[app + "kustomization.yaml"]);
        Assert.DoesNotContain("helmrepository", tree[app + "kustomization.yaml"]);

        var release = YamlJson.Documents(tree[app + "helmrelease.yaml"]).Single()!;
        Assert.Null(release["spec"]!["chart"]);
        Assert.Equal("OCIRepository", (string?)release["spec"]!["chartRef"]!["kind"]);
        Assert.Equal("harbor", (string?)release["spec"]!["chartRef"]!["name"]);

        Assert.Equal("""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: harbor
              namespace: harbor
            spec:
              interval: 1h
              layerSelector:
                mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
                operation: copy
              ref:
                semver: '>=1.17.0 <1.18.0'
                semverFilter: ^1\.17\.[0-9]+$
              url: oci://registry-1.docker.io/goharbor/harbor-helm
              verify:
                matchOIDCIdentity:
                  - issuer: ^https://token.actions.githubusercontent.com$
                    subject: ^https://github.com/goharbor/harbor-helm.*$
                provider: cosign

            """.ReplaceLineEndings("\n"), StripComments(tree[app + "ocirepository.yaml"]));
    }

    [Fact]
    public void Spegel_source_carries_the_digest_and_notation_key()
    {
        var tree = GitOpsRenderer.Render(Build());
        var source = YamlJson.Documents(tree["kubernetes/apps/kube-system/spegel/app/ocirepository.yaml"]).Single()!;
        Assert.Equal("sha256:" + new string('c', 64), (string?)source["spec"]!["ref"]!["digest"]);
        Assert.Null(source["spec"]!["ref"]!["tag"]);
        Assert.Equal("5m", (string?)source["spec"]!["interval"]);
        Assert.Equal("notation", (string?)source["spec"]!["verify"]!["provider"]);
        Assert.Equal("notation-config", (string?)source["spec"]!["verify"]!["secretRef"]!["name"]);
    }

    /// <summary>Spegel's chart mirrored into a LAN Harbor that needs a login and has a private CA (the fields of the Flux docs' examples).</summary>
    private static Stack PrivateRegistry(Action<OciChartSource> credentials) => TestStack.Build(() =>
    {
        var source = new OciChartSource { Url = "oci://harbor.lan.example.com/charts/spegel", Tag = "0.3.0" };
        credentials(source);
        new SpegelRelease("spegel", new SpegelArgs
        {
            MirroredRegistries = { "https://docker.io" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            ChartSource = source,
        });
    });

    [Fact]
    public void Pull_credentials_render_as_the_OCIRepository_fields_flux_documents()
    {
        // https://fluxcd.io/flux/components/source/ocirepositories/: spec.secretRef.name (a docker-config Secret, as
        // `flux create secret oci` makes it), spec.certSecretRef.name (ca.crt / tls.crt+tls.key), spec.provider,
        // spec.serviceAccountName and spec.insecure; every one optional and absent unless set.
        var tree = GitOpsRenderer.Render(PrivateRegistry(s =>
        {
            s.SecretName = "harbor-pull";
            s.Provider = OciRepositoryProvider.Generic;
            s.CertSecretName = "harbor-ca";
            s.ServiceAccountName = "spegel-chart-pull";
            s.Insecure = true;
        }));
        var spec = YamlJson.Documents(tree["kubernetes/apps/kube-system/spegel/app/ocirepository.yaml"]).Single()!["spec"]!;
        Assert.Equal("harbor-pull", (string?)spec["secretRef"]!["name"]);
        Assert.Equal("generic", (string?)spec["provider"]);
        Assert.Equal("harbor-ca", (string?)spec["certSecretRef"]!["name"]);
        Assert.Equal("spegel-chart-pull", (string?)spec["serviceAccountName"]);
        Assert.True((bool)spec["insecure"]!);
        AssertValid(tree);

        var plain = YamlJson.Documents(GitOpsRenderer.Render(PrivateRegistry(_ => { }))["kubernetes/apps/kube-system/spegel/app/ocirepository.yaml"]).Single()!["spec"]!.AsObject();
        foreach (var field in new[] { "secretRef", "provider", "certSecretRef", "serviceAccountName", "insecure" })
        {
            Assert.False(plain.ContainsKey(field), field + " is rendered although unset");
        }
    }

    [Theory]
    [InlineData(OciRepositoryProvider.Aws, "aws")]
    [InlineData(OciRepositoryProvider.Azure, "azure")]
    [InlineData(OciRepositoryProvider.Gcp, "gcp")]
    public void A_cloud_provider_renders_in_the_CRDs_spelling(OciRepositoryProvider provider, string expected)
    {
        var tree = GitOpsRenderer.Render(PrivateRegistry(s => { s.Provider = provider; s.ServiceAccountName = "chart-reader"; }));
        var spec = YamlJson.Documents(tree["kubernetes/apps/kube-system/spegel/app/ocirepository.yaml"]).Single()!["spec"]!;
        Assert.Equal(expected, (string?)spec["provider"]);
        Assert.Null(spec["secretRef"]);
        AssertValid(tree);
    }

    private static void AssertValid(IReadOnlyDictionary<string, string> tree)
    {
        foreach (var (path, content) in tree.Where(f => f.Key.EndsWith("ocirepository.yaml", StringComparison.Ordinal)))
        {
            foreach (var doc in YamlJson.Documents(content))
            {
                var errors = Schemas.Errors(Schemas.Crd("flux-ocirepositories-crd.yaml", "v1"), doc);
                Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors)}");
                var unknown = Schemas.UnknownFields(Schemas.CrdSchemaNode("flux-ocirepositories-crd.yaml", "v1"), doc);
                Assert.True(unknown.Count == 0, $"{path}: unknown fields {string.Join(", ", unknown)}");
            }
        }
    }

    [Fact]
    public void Every_flux_object_validates_against_its_crd_and_renders_the_same_bytes_twice()
    {
        var tree = GitOpsRenderer.Render(Build());
        Assert.Equal(tree.ToDictionary(f => f.Key, f => f.Value), GitOpsRenderer.Render(Build()).ToDictionary(f => f.Key, f => f.Value));
        var sources = 0;
        foreach (var (path, content) in tree.Where(f => f.Key.StartsWith("kubernetes/", StringComparison.Ordinal) && f.Key.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            foreach (var doc in YamlJson.Documents(content))
            {
                (string File, string Version)? crd = ((string?)doc!["kind"]) switch
                {
                    "HelmRelease" => ("flux-helmrelease-crd.yaml", "v2"),
                    "OCIRepository" => ("flux-ocirepositories-crd.yaml", "v1"),
                    "HelmRepository" => throw new Xunit.Sdk.XunitException(path + ": a ChartSource release must not render a HelmRepository"),
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
                sources += (string?)doc["kind"] == "OCIRepository" ? 1 : 0;
            }
        }

        Assert.Equal(2, sources);
    }

    private static string StripComments(string yaml) =>
        string.Concat(yaml.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith('#')).Select(l => l + "\n")).TrimEnd('\n') + "\n";
}
