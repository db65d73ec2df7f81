using ClusterRegistry.Rendering.Yaml;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Rendering.Flux;

/// <summary>The spegel chart values for a <see cref="SpegelRelease"/> (spegel-org/spegel
/// charts/spegel/values.yaml).</summary>
public static class SpegelValues
{
    public static YamlMap Build(SpegelRelease spegel)
    {
        ArgumentNullException.ThrowIfNull(spegel);
        var a = spegel.Args;
        var values = new YamlMap
        {
            {
                "spegel", new YamlMap
                {
                    { "mirroredRegistries", a.MirroredRegistries.ToList() },
                    { "additionalMirrorTargets", a.AdditionalMirrorTargets.Count > 0 ? a.AdditionalMirrorTargets.ToList() : null },
                    { "prependExisting", a.PrependExisting },
                    { "containerdRegistryConfigPath", a.ContainerdRegistryConfigPath },
                    { "resolveTags", a.ResolveTags },
                    { "containerdSock", a.ContainerdSock },
                    { "registryFilters", a.RegistryFilters.Count > 0 ? a.RegistryFilters.ToList() : null },
                    { "mirrorResolveRetries", a.MirrorResolveRetries },
                    { "mirrorResolveTimeout", a.MirrorResolveTimeout },
                    { "logLevel", a.LogLevel },
                    { "persistence", a.Persistence is { } persist ? new YamlMap { { "enabled", persist } } : null },
                }
            },
        };
        if (a.ServiceMonitor)
        {
            values["serviceMonitor"] = new YamlMap { { "enabled", true } };
        }

        if (a.GrafanaDashboard)
        {
            values["grafanaDashboard"] = new YamlMap { { "enabled", true } };
        }

        // Pin the ports the node view's mirror targets use, whatever the chart's defaults are.
        var registry = spegel.UsesHostPort
            ? new YamlMap { { "hostPort", a.RegistryHostPort }, { "nodePort", a.RegistryNodePort } }
            : new YamlMap { { "nodePort", a.RegistryHostPort } };
        values["service"] = new YamlMap { { "registry", registry } };
        HelmValuesMerge.Into(values, a.Values);
        return values;
    }

    /// <summary>The post-renderers of the Spegel release: the user's <see cref="SpegelArgs.PostRenderers"/> in declaration order.</summary>
    public static IReadOnlyList<YamlMap> PostRenderers(SpegelRelease spegel)
    {
        ArgumentNullException.ThrowIfNull(spegel);
        return spegel.Args.PostRenderers.Where(p => p is not null).Select(FluxObjects.PostRenderer).ToList();
    }
}
