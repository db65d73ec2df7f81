using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG213: a mirror with <c>OverridePath = true</c> has an endpoint without a path. <c>overridePath</c> applies to every
/// endpoint of the mirror, so that endpoint is asked <c>/library/…</c> instead of <c>/v2/library/…</c>.
/// </summary>
public sealed class Crg213OverridePathBareEndpoint : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg213, "OverridePath mirror with an endpoint that has no path", RuleSeverity.Warning, "Talos",
        "overridePath applies to every endpoint of the mirror: an endpoint without a path loses containerd's /v2 prefix, answers 404 and every pull walks past it.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                if (!m.OverridePath.Is(true))
                {
                    continue;
                }

                for (var j = 0; j < m.Endpoints.Count; j++)
                {
                    var ep = m.Endpoints[j];
                    if (!ep.TryGet(out var text) || !EndpointUrl.TryParse(text, out var url) || url.Path.Trim('/').Length != 0)
                    {
                        continue;
                    }

                    yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                        $"mirror endpoint {text} has no path but the mirror sets OverridePath = true, which applies to every endpoint: containerd asks {url.Origin}/<repo>/manifests/<tag> without /v2, gets 404 and moves to the next host; give it the path '/v2' or put it in a mirror without OverridePath",
                        First(ep.Location, m.OverridePath.Location, m.Location), FixData("replacement", url.Origin + "/v2"));
                }
            }
        }
    }
}
