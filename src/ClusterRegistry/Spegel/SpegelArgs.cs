using ClusterRegistry.Charts;

namespace ClusterRegistry.Spegel;

/// <summary>Inputs of the Spegel Helm release (chart values under <c>spegel.*</c>; spegel-org/spegel
/// charts/spegel/values.yaml).</summary>
public sealed class SpegelArgs
{
    /// <summary>Namespace of the release. Outside <c>kube-system</c> it needs the privileged pod-security label (CRG109).</summary>
    public string Namespace { get; set; } = "kube-system";

    /// <summary>Chart version, e.g. <c>0.7.4</c> (published as <c>oci://ghcr.io/spegel-org/helm-charts/spegel</c>).</summary>
    public string? ChartVersion { get; set; }

    /// <summary>OCI repository of the chart.</summary>
    public string ChartRepository { get; set; } = "oci://ghcr.io/spegel-org/helm-charts/spegel";

    /// <summary>
    /// The chart's OCI source in full (tag, semver range or digest, interval, signature verification). When set it replaces
    /// <see cref="ChartRepository"/> and <see cref="ChartVersion"/>.
    /// </summary>
    public OciChartSource? ChartSource { get; set; }

    /// <summary>
    /// <c>spegel.mirroredRegistries</c>: URLs <c>scheme://host[:port]</c>. Empty means "all registries": Spegel then writes
    /// only <c>_default</c> and moves every Talos hosts dir to <c>_backup</c> (CRG101).
    /// </summary>
    public List<string> MirroredRegistries { get; } = new();

    /// <summary><c>spegel.prependExisting</c>: keep existing (Talos) mirrors after Spegel's own (CRG102).</summary>
    public bool PrependExisting { get; set; }

    /// <summary>
    /// <c>spegel.containerdRegistryConfigPath</c>. The chart default is <c>/etc/containerd/certs.d</c>; on Talos it must be
    /// <c>/etc/cri/conf.d/hosts</c> (CRG105). Null leaves the chart default.
    /// </summary>
    public string? ContainerdRegistryConfigPath { get; set; }

    /// <summary><c>spegel.additionalMirrorTargets</c>: extra mirror URLs after Spegel's own, no path allowed.</summary>
    public List<string> AdditionalMirrorTargets { get; } = new();

    /// <summary><c>spegel.resolveTags</c>: adds <c>resolve</c> to the capabilities of Spegel's hosts.</summary>
    public bool ResolveTags { get; set; } = true;

    /// <summary>Labels on the release's namespace (when the stack creates it).</summary>
    public Dictionary<string, string> NamespaceLabels { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The registry port mirrors point at: the hostPort (30020) of chart 0.7.x, which also adds the nodePort (30021);
    /// charts after 0.7 use only the nodePort, 30020.
    /// </summary>
    public int RegistryHostPort { get; set; } = 30020;

    /// <summary>The registry nodePort (<c>service.registry.nodePort</c>); 30021 on chart 0.7.x.</summary>
    public int RegistryNodePort { get; set; } = 30021;

    /// <summary><c>spegel.containerdSock</c> (null: the chart default <c>/run/containerd/containerd.sock</c>, also Talos's path).</summary>
    public string? ContainerdSock { get; set; }

    /// <summary><c>spegel.registryFilters</c>: regular expressions over <c>registry/repository[:tag]</c>; a match makes Spegel answer 404 (chart ≥ 0.4.0).</summary>
    public List<string> RegistryFilters { get; } = new();

    /// <summary><c>spegel.mirrorResolveRetries</c>: how many peers to try (null: chart default 3).</summary>
    public int? MirrorResolveRetries { get; set; }

    /// <summary><c>spegel.mirrorResolveTimeout</c>, a Go duration such as <c>20ms</c> (null: chart default).</summary>
    public string? MirrorResolveTimeout { get; set; }

    /// <summary><c>spegel.logLevel</c>, e.g. <c>INFO</c> or <c>DEBUG</c> (null: chart default).</summary>
    public string? LogLevel { get; set; }

    /// <summary><c>serviceMonitor.enabled</c>: a Prometheus Operator ServiceMonitor for Spegel's metrics.</summary>
    public bool ServiceMonitor { get; set; }

    /// <summary><c>grafanaDashboard.enabled</c>: a ConfigMap with Spegel's Grafana dashboard.</summary>
    public bool GrafanaDashboard { get; set; }

    /// <summary><c>spegel.persistence.enabled</c> (chart ≥ 0.7.0): keep the P2P identity across restarts (null: chart default).</summary>
    public bool? Persistence { get; set; }

    /// <summary>
    /// Any other chart values, deep-merged over the ones the typed properties produce (see <see cref="HelmValues"/>). Spegel's
    /// chart has no values schema, so a key it does not know is dropped silently (CRG111).
    /// </summary>
    public HelmValues Values { get; } = new();

    /// <summary>Flux <c>valuesFrom</c>: values kept in ConfigMaps/Secrets managed elsewhere, merged under the release's own values.</summary>
    public List<HelmValuesReference> ValuesFrom { get; } = new();

    /// <summary>
    /// Flux <c>spec.postRenderers</c>: kustomize patches and image replacements applied to the chart's manifests, in order.
    /// Flux delivery only: a direct Helm release refuses them.
    /// </summary>
    public List<HelmPostRenderer> PostRenderers { get; } = new();

    /// <summary>How the chart is installed: Flux objects (default, the seed's way) or a direct Helm release.</summary>
    public ReleaseDelivery Delivery { get; set; } = ReleaseDelivery.Flux;
}
