namespace ClusterRegistry.Rules.Topology;

/// <summary>A <c>SpegelRelease</c>; properties start at the <c>SpegelArgs</c> defaults.</summary>
public sealed class SpegelInfo : ResourceInfo
{
    public override string Kind => "SpegelRelease";

    public Val<string> Namespace { get; set; } = "kube-system";

    public Val<string?> ChartVersion { get; set; } = Val<string?>.Known(null);

    /// <summary><c>MirroredRegistries</c>: each element with its own location.</summary>
    public ValList<Val<string>> MirroredRegistries { get; set; } = new();

    public Val<bool> PrependExisting { get; set; } = false;

    /// <summary><c>ContainerdRegistryConfigPath</c> (null: chart default <c>/etc/containerd/certs.d</c>).</summary>
    public Val<string?> ContainerdRegistryConfigPath { get; set; } = Val<string?>.Known(null);

    public ValList<Val<string>> AdditionalMirrorTargets { get; set; } = new();

    /// <summary><c>NamespaceLabels</c>.</summary>
    public ValList<KeyValueInfo> NamespaceLabels { get; set; } = new();

    /// <summary>The chart default of <see cref="ContainerdRegistryConfigPath"/>.</summary>
    public const string ChartDefaultConfigPath = "/etc/containerd/certs.d";

    /// <summary>The path Talos's containerd reads hosts.toml from.</summary>
    public const string TalosConfigPath = "/etc/cri/conf.d/hosts";
}
