namespace ClusterRegistry.Charts;

/// <summary>
/// A chart published as an OCI artifact, fetched by a Flux <c>OCIRepository</c> (<c>source.toolkit.fluxcd.io/v1</c>) that the
/// HelmRelease names in <c>spec.chartRef</c>. Exactly one of <see cref="Tag"/>, <see cref="Semver"/> or <see cref="Digest"/>
/// picks the chart (Flux would silently give a digest precedence over a range, and a range over a tag; CRG001 refuses more
/// than one). Replaces <c>ChartRepository</c>/<c>ChartVersion</c> when set.
/// </summary>
public sealed class OciChartSource
{
    /// <summary><c>spec.url</c>: the chart artifact itself, <c>oci://host[:port]/path/chart</c>, e.g. <c>oci://ghcr.io/spegel-org/helm-charts/spegel</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary><c>spec.ref.tag</c>: one chart version, e.g. <c>0.3.0</c>.</summary>
    public string? Tag { get; set; }

    /// <summary><c>spec.ref.semver</c>: a semver range; Flux picks the newest tag inside it, e.g. <c>&gt;=1.17.0 &lt;1.18.0</c>.</summary>
    public string? Semver { get; set; }

    /// <summary><c>spec.ref.semverFilter</c>: a regular expression the tags in the <see cref="Semver"/> range must match (only with <see cref="Semver"/>).</summary>
    public string? SemverFilter { get; set; }

    /// <summary><c>spec.ref.digest</c>: the artifact's manifest digest, <c>sha256:&lt;64 hex digits&gt;</c>.</summary>
    public string? Digest { get; set; }

    /// <summary><c>spec.interval</c>: how often Flux looks for a new artifact, a Go duration such as <c>5m</c> or <c>1h30m</c> (null: 5m).</summary>
    public string? Interval { get; set; }

    /// <summary><c>spec.verify</c>: check the artifact's signature before Flux uses it (null: no verification).</summary>
    public ChartVerification? Verify { get; set; }

    /// <summary>
    /// <c>spec.secretRef.name</c>: a <c>kubernetes.io/dockerconfigjson</c> Secret in the release's namespace with the pull
    /// credentials for a private registry (managed elsewhere, e.g. declared as an <see cref="ExistingSecret"/>). Only with the
    /// <see cref="OciRepositoryProvider.Generic"/> provider: source-controller ignores a cloud <see cref="Provider"/> once
    /// static credentials are set.
    /// </summary>
    public string? SecretName { get; set; }

    /// <summary><c>spec.provider</c>: how source-controller logs in (null: Flux's default, <c>generic</c>).</summary>
    public OciRepositoryProvider? Provider { get; set; }

    /// <summary>
    /// <c>spec.certSecretRef.name</c>: a Secret with <c>ca.crt</c> (a private CA, e.g. an in-cluster Harbor's) and/or
    /// <c>tls.crt</c>/<c>tls.key</c> (a client certificate) for the registry connection.
    /// </summary>
    public string? CertSecretName { get; set; }

    /// <summary>
    /// <c>spec.serviceAccountName</c>: with the generic provider, a ServiceAccount whose image pull secrets are used; with a
    /// cloud provider, the ServiceAccount for workload identity.
    /// </summary>
    public string? ServiceAccountName { get; set; }

    /// <summary><c>spec.insecure</c>: reach the registry over plain HTTP (a LAN registry without TLS).</summary>
    public bool Insecure { get; set; }
}
