using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>
/// CRG306: Harbor's external URL (the token realm) is a cluster DNS name the node cannot resolve (Harbor ≤ 2.13, chart
/// &lt; 1.18), or its scheme disagrees with the mirror endpoints' (any version: from 2.14 the realm keeps the external
/// URL's scheme).
/// </summary>
public sealed class Crg306ExternalUrlUnreachable : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg306, "Harbor token realm unreachable from the node", RuleSeverity.Error, "Harbor",
        "Harbor builds the token realm from externalURL (≤ 2.13) or from its scheme and the request host (≥ 2.14): containerd must reach it from the host network.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var h in s.Harbors)
        {
            if (h.External)
            {
                // An external registry's URL is the one clients use; its own token realm is not modelled (CRG207 judges the scheme).
                continue;
            }

            if (!h.EffectiveExternalUrl.TryGet(out var ext) || ext is null || !EndpointUrl.TryParse(ext, out var url))
            {
                continue;
            }

            var loc = First(h.ExternalUrl.Location, h.EffectiveExternalUrl.Location, h.Location);
            if (HostName.IsClusterDnsName(url.Host) && h.EffectiveChartVersion.TryGet(out var cv) && cv is not null &&
                ChartVersion.TryParse(cv, out var chart) && !chart.AtLeast(1, 18))
            {
                yield return Report(h, "ExternalUrl",
                    $"ExternalUrl {ext} is a cluster DNS name: Harbor chart {cv} (Harbor ≤ 2.13) hands it out as the token realm, and containerd on the host cannot resolve it; use an address the nodes reach (the LoadBalancer IP)",
                    loc);
            }

            foreach (var scheme in EndpointSchemes(s, h))
            {
                if (scheme != url.Scheme)
                {
                    yield return Report(h, "ExternalUrl",
                        $"ExternalUrl {ext} uses {url.Scheme} but the mirror endpoints reach {h.Label} over {scheme}: the token realm keeps the external URL's scheme and containerd cannot fetch a token",
                        loc);
                    break;
                }
            }
        }
    }

    private static IEnumerable<string> EndpointSchemes(TopologySnapshot s, HarborInfo h)
    {
        foreach (var p in s.TalosPatches)
        {
            foreach (var m in p.Mirrors)
            {
                foreach (var ep in m.Endpoints)
                {
                    if (ep.TryGet(out var text) && EndpointUrl.TryParse(text, out var url) && (h.IsHost(url.HostPortWithoutDefault) || h.IsHost(url.Host)))
                    {
                        yield return url.Scheme;
                    }
                }
            }
        }
    }
}
