using ClusterRegistry.Repository.Flux;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Charts;

/// <summary>
/// Spegel chart values (spegel-org/spegel <c>charts/spegel/values.yaml</c>) → <see cref="SpegelInfo"/>:
/// <c>spegel.mirroredRegistries</c> (default <c>[]</c>: every registry), <c>spegel.prependExisting</c> (default false),
/// <c>spegel.containerdRegistryConfigPath</c> (default <c>/etc/containerd/certs.d</c>),
/// <c>spegel.additionalMirrorTargets</c>. The namespace's labels come from a Namespace object in the repository when
/// there is one, else they are unknown (the namespace may be labelled elsewhere).
/// </summary>
public static class SpegelValuesMapper
{
    public static bool IsSpegel(HelmReleaseInfo r) => r.Chart == "spegel";

    public static SpegelInfo Map(HelmReleaseInfo r, FluxInventory inventory)
    {
        var configPath = ValuesReading.Str(r, null, "spegel", "containerdRegistryConfigPath");
        var info = new SpegelInfo
        {
            Name = Val<string>.Known(r.Object.Name, r.Context.Loc(r.Object.NameNode)),
            Location = r.Context.Loc(r.Object.NameNode),
            Namespace = r.Namespace,
            ChartVersion = r.ChartVersion,
            ChartSource = Val<ChartSourceInfo?>.Known(r.ChartSource, r.OciSource is { } oci ? oci.Context.Loc(oci.NameNode) : null),
            PostRenderers = PostRendererReader.Read(r, withoutClusterIpPin: false),
            MirroredRegistries = ValuesReading.List(r, "spegel", "mirroredRegistries"),
            PrependExisting = ValuesReading.Bool(r, false, "spegel", "prependExisting"),
            ContainerdRegistryConfigPath = configPath,
            AdditionalMirrorTargets = ValuesReading.List(r, "spegel", "additionalMirrorTargets"),
            // Every key the release sets, as the stack's escape hatch holds them: CRG111 judges them against the chart.
            Values = ValuesTree.Merge(r.Values).ToInfo(r.Context.Loc(r.Object.NameNode)),
        };

        info.NamespaceLabels.HasUnknownEntries = true;
        if (r.Namespace.TryGet(out var ns))
        {
            foreach (var o in inventory.Objects)
            {
                if (o.Kind == "Namespace" && o.ApiVersion == "v1" && o.Name == ns)
                {
                    info.NamespaceLabels.HasUnknownEntries = false;
                    info.NamespaceLabels.Location = o.Context.Loc(o.NameNode);
                    foreach (var kv in Yaml.YamlNav.Entries(Yaml.YamlNav.At(o.Document, "metadata", "labels")))
                    {
                        info.NamespaceLabels.Add(new KeyValueInfo(o.Context.Str(kv.Key), o.Context.Str(kv.Value), o.Context.Loc(kv.Key)));
                    }
                }
            }
        }

        return info;
    }
}
