using ClusterRegistry.Charts;
using ClusterRegistry.Rendering.Yaml;

namespace ClusterRegistry.Rendering.Flux;

/// <summary>
/// Builders for the Flux and Kubernetes objects of the GitOps tree, in the versions the CRDs in shared/schemas serve:
/// <c>helm.toolkit.fluxcd.io/v2</c> HelmRelease, <c>source.toolkit.fluxcd.io/v1</c> HelmRepository/OCIRepository,
/// <c>kustomize.toolkit.fluxcd.io/v1</c> Kustomization (the <c>ks.yaml</c> of flux-cluster-template repos).
/// </summary>
public static class FluxObjects
{
    public const string HelmReleaseApi = "helm.toolkit.fluxcd.io/v2";
    public const string SourceApi = "source.toolkit.fluxcd.io/v1";
    public const string FluxKustomizationApi = "kustomize.toolkit.fluxcd.io/v1";

    public static YamlMap Metadata(string name, string? ns, YamlMap? labels = null) =>
        new() { { "name", name }, { "namespace", ns }, { "labels", labels is { Count: > 0 } ? labels : null } };

    public static YamlMap HelmRepository(string name, string ns, string url) => new()
    {
        { "apiVersion", SourceApi },
        { "kind", "HelmRepository" },
        { "metadata", Metadata(name, ns) },
        {
            "spec", new YamlMap
            {
                { "interval", "2h" },
                { "url", url },
                { "type", url.StartsWith("oci://", StringComparison.Ordinal) ? "oci" : null },
            }
        },
    };

    /// <summary>An OCIRepository for a Helm chart published as an OCI artifact (Flux's recommended source for OCI charts).</summary>
    public static YamlMap OciChartRepository(string name, string ns, string url, string? version) => new()
    {
        { "apiVersion", SourceApi },
        { "kind", "OCIRepository" },
        { "metadata", Metadata(name, ns) },
        {
            "spec", new YamlMap
            {
                { "interval", "5m" },
                { "layerSelector", new YamlMap { { "mediaType", "application/vnd.cncf.helm.chart.content.v1.tar+gzip" }, { "operation", "copy" } } },
                { "ref", version is null ? new YamlMap { { "semver", ">=0.0.0" } } : new YamlMap { { "tag", version } } },
                { "url", url },
            }
        },
    };

    /// <summary>
    /// The OCIRepository of an <see cref="OciChartSource"/>: the Helm chart layer copied as is (what helm-controller reads),
    /// exactly one of tag/semver/digest (CRG001 has refused any other), the interval (Flux's 5m when unset), verification and
    /// the pull credentials (secretRef, provider, certSecretRef, serviceAccountName, insecure), each left out when unset.
    /// </summary>
    public static YamlMap OciRepository(string name, string ns, OciChartSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reference = new YamlMap
        {
            { "digest", source.Digest },
            { "semver", source.Semver },
            { "semverFilter", source.SemverFilter },
            { "tag", source.Tag },
        };
        YamlMap? verify = null;
        if (source.Verify is { } v)
        {
            verify = new YamlMap
            {
                {
                    "matchOIDCIdentity", v.MatchOidcIdentity.Count > 0
                        ? v.MatchOidcIdentity.Select(m => new YamlMap { { "issuer", m.Issuer }, { "subject", m.Subject } }).ToList()
                        : null
                },
                { "provider", v.Provider == ChartVerificationProvider.Notation ? "notation" : "cosign" },
                { "secretRef", v.SecretName is { } secret ? new YamlMap { { "name", secret } } : null },
            };
        }

        return new YamlMap
        {
            { "apiVersion", SourceApi },
            { "kind", "OCIRepository" },
            { "metadata", Metadata(name, ns) },
            {
                "spec", new YamlMap
                {
                    { "certSecretRef", source.CertSecretName is { } cert ? new YamlMap { { "name", cert } } : null },
                    { "insecure", source.Insecure ? true : null },
                    { "interval", source.Interval ?? "5m" },
                    { "layerSelector", new YamlMap { { "mediaType", "application/vnd.cncf.helm.chart.content.v1.tar+gzip" }, { "operation", "copy" } } },
                    { "provider", source.Provider?.CrdName() },
                    { "ref", reference },
                    { "secretRef", source.SecretName is { } pull ? new YamlMap { { "name", pull } } : null },
                    { "serviceAccountName", source.ServiceAccountName },
                    { "url", source.Url },
                    { "verify", verify },
                }
            },
        };
    }

    /// <summary>A HelmRelease using <c>chartRef</c> (OCIRepository) or <c>chart.spec</c> (HelmRepository).</summary>
    public static YamlMap HelmRelease(string name, string ns, YamlMap chartSource, YamlMap values, IReadOnlyList<YamlMap>? postRenderers = null,
        IReadOnlyList<HelmValuesReference>? valuesFrom = null)
    {
        var spec = new YamlMap { { "interval", "1h" } };
        foreach (var (k, v) in chartSource)
        {
            spec[k] = v;
        }

        spec["install"] = new YamlMap { { "remediation", new YamlMap { { "retries", -1 } } } };
        spec["upgrade"] = new YamlMap { { "cleanupOnFail", true }, { "remediation", new YamlMap { { "retries", 3 } } } };
        if (postRenderers is { Count: > 0 })
        {
            spec["postRenderers"] = postRenderers;
        }

        if (valuesFrom is { Count: > 0 })
        {
            // Flux merges valuesFrom first, then spec.values on top, so the typed values keep the last word.
            spec["valuesFrom"] = valuesFrom.Select(v => new YamlMap
            {
                { "kind", v.Kind },
                { "name", v.Name },
                { "valuesKey", v.ValuesKey },
                { "targetPath", v.TargetPath },
                { "optional", v.Optional ? true : null },
            }).ToList();
        }

        spec["values"] = values;
        return new YamlMap
        {
            { "apiVersion", HelmReleaseApi },
            { "kind", "HelmRelease" },
            { "metadata", Metadata(name, ns) },
            { "spec", spec },
        };
    }

    public static YamlMap ChartRefOci(string name) =>
        new() { { "chartRef", new YamlMap { { "kind", "OCIRepository" }, { "name", name } } } };

    public static YamlMap ChartFromHelmRepository(string chart, string? version, string repository) => new()
    {
        {
            "chart", new YamlMap
            {
                {
                    "spec", new YamlMap
                    {
                        { "chart", chart },
                        { "version", version },
                        { "sourceRef", new YamlMap { { "kind", "HelmRepository" }, { "name", repository } } },
                    }
                },
            }
        },
    };

    /// <summary>A post-renderer applying a JSON6902 patch to one object of the chart (e.g. pinning a Service's clusterIP).</summary>
    public static YamlMap KustomizePatch(string kind, string name, string patch) => new()
    {
        {
            "kustomize", new YamlMap
            {
                {
                    "patches", new List<YamlMap>
                    {
                        new() { { "target", new YamlMap { { "kind", kind }, { "name", name } } }, { "patch", patch } },
                    }
                },
            }
        },
    };

    /// <summary>
    /// A user's <see cref="HelmPostRenderer"/> as <c>spec.postRenderers[]</c>: <c>kustomize.patches</c> (target, then patch,
    /// as the ClusterIP pin) and <c>kustomize.images</c>, in declaration order; unset fields are left out.
    /// </summary>
    public static YamlMap PostRenderer(HelmPostRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var patches = renderer.Patches.Where(p => p is not null).Select(p => new YamlMap
        {
            {
                "target", p.Target is { } t
                    ? new YamlMap
                    {
                        { "group", t.Group },
                        { "version", t.Version },
                        { "kind", t.Kind },
                        { "name", t.Name },
                        { "namespace", t.Namespace },
                        { "labelSelector", t.LabelSelector },
                        { "annotationSelector", t.AnnotationSelector },
                    }
                    : null
            },
            { "patch", p.Patch },
        }).ToList();
        var images = renderer.Images.Where(i => i is not null).Select(i => new YamlMap
        {
            { "name", i.Name },
            { "newName", i.NewName },
            { "newTag", i.NewTag },
            { "digest", i.Digest },
        }).ToList();
        return new YamlMap
        {
            {
                "kustomize", new YamlMap
                {
                    { "patches", patches.Count > 0 ? patches : null },
                    { "images", images.Count > 0 ? images : null },
                }
            },
        };
    }

    /// <summary>The flux-cluster-template <c>ks.yaml</c>: a Flux Kustomization pointing at an app folder.</summary>
    public static YamlMap FluxKustomization(string name, string targetNamespace, string path, bool substituteClusterSecrets) => new()
    {
        { "apiVersion", FluxKustomizationApi },
        { "kind", "Kustomization" },
        { "metadata", Metadata(name, "flux-system") },
        {
            "spec", new YamlMap
            {
                { "targetNamespace", targetNamespace },
                { "commonMetadata", new YamlMap { { "labels", new YamlMap { { "app.kubernetes.io/name", name } } } } },
                { "path", path },
                { "prune", true },
                { "sourceRef", new YamlMap { { "kind", "GitRepository" }, { "name", "flux-system" }, { "namespace", "flux-system" } } },
                { "wait", false },
                { "interval", "30m" },
                { "retryInterval", "1m" },
                { "timeout", "5m" },
                {
                    "postBuild", substituteClusterSecrets
                        ? new YamlMap { { "substituteFrom", new List<YamlMap> { new() { { "kind", "Secret" }, { "name", "cluster-secrets" } } } } }
                        : null
                },
            }
        },
    };

    /// <summary>A kustomize <c>kustomization.yaml</c> listing resources.</summary>
    public static YamlMap Kustomization(IEnumerable<string> resources) => new()
    {
        { "apiVersion", "kustomize.config.k8s.io/v1beta1" },
        { "kind", "Kustomization" },
        { "resources", resources.ToList() },
    };

    public static YamlMap Namespace(string name, YamlMap? labels) => new()
    {
        { "apiVersion", "v1" },
        { "kind", "Namespace" },
        { "metadata", Metadata(name, null, labels) },
    };

    /// <summary>A Secret whose values are <c>${VAR}</c> placeholders filled by Flux post-build substitution.</summary>
    public static YamlMap SubstitutedSecret(string name, string ns, IEnumerable<(string Key, Secret Value)> data) => new()
    {
        { "apiVersion", "v1" },
        { "kind", "Secret" },
        { "metadata", Metadata(name, ns) },
        { "type", "Opaque" },
        { "stringData", data.Aggregate(new YamlMap(), (m, d) => { m[d.Key] = d.Value.Placeholder; return m; }) },
    };
}
