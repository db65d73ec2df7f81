namespace ClusterRegistry.Rules.Topology;

/// <summary>A <c>SpegelRelease</c>; properties start at the <c>SpegelArgs</c> defaults.</summary>
public sealed class SpegelInfo : ResourceInfo
{
    public override string Kind => "SpegelRelease";

    public Val<string> Namespace { get; set; } = "kube-system";

    public Val<string?> ChartVersion { get; set; } = Val<string?>.Known(null);

    /// <summary><c>ChartRepository</c>: an http(s) or <c>oci://</c> URL.</summary>
    public Val<string> ChartRepository { get; set; } = "oci://ghcr.io/spegel-org/helm-charts/spegel";

    /// <summary><c>ChartSource</c>: the chart's OCI source in full (null: <see cref="ChartRepository"/>/<see cref="ChartVersion"/>).</summary>
    public Val<ChartSourceInfo?> ChartSource { get; set; } = Val<ChartSourceInfo?>.Known(null);

    /// <summary><c>PostRenderers</c>: the user's Flux post-renderers, in order.</summary>
    public ValList<PostRendererInfo> PostRenderers { get; set; } = new();

    /// <summary>
    /// True for a direct Helm release (<c>Delivery = ReleaseDelivery.Helm</c>, a cluster without Flux): Helm installs the
    /// chart from the machine running pulumi, so what only Flux does in the cluster (an OCIRepository's verify, filter,
    /// digest, interval and pull credentials; post-renderers) is refused (CRG001). Located on the <c>Delivery</c> setting.
    /// </summary>
    public Val<bool> DirectHelm { get; set; } = false;

    /// <summary>The chart version the release installs (<see cref="ChartSource"/>'s tag when set; unknown for a range or digest).</summary>
    public Val<string?> EffectiveChartVersion => ChartSourceInfo.EffectiveVersion(ChartSource, ChartVersion);

    /// <summary><c>RegistryHostPort</c> (the hostPort mirrors point at).</summary>
    public Val<int> RegistryHostPort { get; set; } = 30020;

    /// <summary><c>RegistryNodePort</c> (<c>service.registry.nodePort</c>).</summary>
    public Val<int> RegistryNodePort { get; set; } = 30021;

    /// <summary><c>MirroredRegistries</c>: each element with its own location.</summary>
    public ValList<Val<string>> MirroredRegistries { get; set; } = new();

    public Val<bool> PrependExisting { get; set; } = false;

    /// <summary><c>ContainerdRegistryConfigPath</c> (null: chart default <c>/etc/containerd/certs.d</c>).</summary>
    public Val<string?> ContainerdRegistryConfigPath { get; set; } = Val<string?>.Known(null);

    public ValList<Val<string>> AdditionalMirrorTargets { get; set; } = new();

    /// <summary><c>NamespaceLabels</c>.</summary>
    public ValList<KeyValueInfo> NamespaceLabels { get; set; } = new();

    /// <summary><c>Values</c>: the escape-hatch values tree, leaf by leaf.</summary>
    public ValList<HelmValueInfo> Values { get; set; } = new();

    /// <summary>The leaf of <see cref="Values"/> at exactly <paramref name="path"/>, or null (also when the tree is not fully known: check <see cref="ValList{T}.IsComplete"/>).</summary>
    public HelmValueInfo? ValueAt(params string[] path)
    {
        foreach (var v in Values)
        {
            if (v.Path.Count == path.Length && v.StartsWith(path))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>spegel.prependExisting</c> as the release gets it: the <see cref="Values"/> leaf wins over the typed property (values
    /// are deep-merged over the typed ones); unknown when the values tree is not fully known.
    /// </summary>
    public Val<bool> EffectivePrependExisting
    {
        get
        {
            if (ValueAt("spegel", "prependExisting") is { } leaf)
            {
                return leaf.Value.IsKnown && leaf.Value.Value is bool b ? Val<bool>.Known(b, leaf.Location) : Val<bool>.Unknown(leaf.Location);
            }

            return Values.IsComplete ? PrependExisting : Val<bool>.Unknown(Values.Location);
        }
    }

    /// <summary><c>spegel.containerdRegistryConfigPath</c> as the release gets it (values over typed; null: the chart default).</summary>
    public Val<string?> EffectiveContainerdRegistryConfigPath
    {
        get
        {
            if (ValueAt("spegel", "containerdRegistryConfigPath") is { } leaf)
            {
                return leaf.Value.IsKnown && leaf.Value.Value is string p ? Val<string?>.Known(p, leaf.Location) : Val<string?>.Unknown(leaf.Location);
            }

            return Values.IsComplete ? ContainerdRegistryConfigPath : Val<string?>.Unknown(Values.Location);
        }
    }

    /// <summary>The chart default of <see cref="ContainerdRegistryConfigPath"/>.</summary>
    public const string ChartDefaultConfigPath = "/etc/containerd/certs.d";

    /// <summary>The path Talos's containerd reads hosts.toml from.</summary>
    public const string TalosConfigPath = "/etc/cri/conf.d/hosts";
}
