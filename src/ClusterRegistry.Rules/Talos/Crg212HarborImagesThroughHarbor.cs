using System;
using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>CRG212: Harbor's own chart or images are pulled through Harbor (chart repository, image overrides, or a docker.io mirror that never falls back).</summary>
public sealed class Crg212HarborImagesThroughHarbor : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg212, "Harbor's own chart or images come through Harbor", RuleSeverity.Warning, "Talos",
        "A Harbor that serves its own chart or images cannot be installed or restarted when it is down: the cluster cannot bootstrap it.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var h in s.Harbors)
        {
            if (h.External)
            {
                // A registry outside the cluster does not need the cluster to start.
                continue;
            }

            var chartRepository = h.EffectiveChartRepository;
            if (chartRepository.TryGet(out var repo) && HostOfRepository(repo) is { } repoHost && h.IsHost(repoHost))
            {
                yield return Report(h, h.ChartSource.Is(null) ? "ChartRepository" : "ChartSource.Url",
                    $"{h.Label}'s chart comes from {repo}, which is this Harbor: it cannot be installed or re-installed while Harbor is down",
                    First(chartRepository.Location, h.Location));
            }

            for (var i = 0; i < h.ExtraValues.Count; i++)
            {
                var kv = h.ExtraValues[i];
                if (kv.Key.TryGet(out var k) && kv.Value.TryGet(out var v) &&
                    (k.EndsWith(".repository", StringComparison.Ordinal) || k.EndsWith(".image", StringComparison.Ordinal)) &&
                    ImageReference.TryParse(v, out var image) && image.HasExplicitRegistry && h.IsHost(image.Registry))
                {
                    yield return Report(h, Topo.Entry("ExtraValues", kv.Key, i),
                        $"Helm value '{k}' pulls Harbor's image {v} from Harbor itself: the pods cannot start while Harbor is down",
                        First(kv.Value.Location, kv.Location));
                }
            }

            foreach (var p in s.TalosPatches)
            {
                for (var i = 0; i < p.Mirrors.Count; i++)
                {
                    var m = p.Mirrors[i];
                    if (!m.Key.TryGet(out var key) || !(key == "docker.io" || key == "*") || !m.SkipFallback.Is(true) ||
                        m.Endpoints.Count == 0 || m.Endpoints.HasUnknownEntries)
                    {
                        continue;
                    }

                    var allHarbor = true;
                    foreach (var ep in m.Endpoints)
                    {
                        allHarbor &= ep.TryGet(out var text) && EndpointUrl.TryParse(text, out var url) && h.IsHost(url.Host);
                    }

                    if (allHarbor)
                    {
                        yield return Report(p, Topo.Entry("Mirrors", m.Key, i),
                            $"mirror '{key}' sends every docker.io pull, including Harbor's own goharbor/* images, only to {h.Label} (SkipFallback = true): Harbor cannot start when it is down",
                            First(m.SkipFallback.Location, m.Key.Location, m.Location));
                    }
                }
            }
        }
    }

    private static string? HostOfRepository(string repo)
    {
        var t = repo.StartsWith("oci://", StringComparison.Ordinal) ? "https://" + repo.Substring(6) : repo;
        return EndpointUrl.TryParse(t, out var url) ? url.HostPortWithoutDefault : null;
    }
}
