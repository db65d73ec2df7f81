using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG214: an endpoint with a <c>/v2/&lt;…&gt;</c> path on a mirror without <c>OverridePath = true</c>: containerd appends
/// <c>/v2</c> to the path, so the request goes to <c>/v2/&lt;project&gt;/v2/&lt;repo&gt;</c>.
/// </summary>
public sealed class Crg214V2PathWithoutOverridePath : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg214, "Endpoint with a /v2/<…> path but no OverridePath", RuleSeverity.Error, "Talos",
        "Without override_path containerd appends /v2 to the endpoint path: /v2/<project>/v2/<repo> answers 404 and every pull walks past the mirror.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                if (!m.OverridePath.TryGet(out var overridePath) || overridePath == true)
                {
                    continue;
                }

                for (var j = 0; j < m.Endpoints.Count; j++)
                {
                    var ep = m.Endpoints[j];
                    if (!ep.TryGet(out var text) || !EndpointUrl.TryParse(text, out var url) ||
                        !url.Path.StartsWith("/v2/", System.StringComparison.Ordinal) || url.Path.Trim('/') == "v2")
                    {
                        continue;
                    }

                    yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                        $"mirror endpoint {text} has the path {url.Path} but the mirror does not set OverridePath = true: containerd appends /v2 and asks {url.Origin}{url.Path.TrimEnd('/')}/v2/<repo>, which answers 404, so pulls go to the next host; set OverridePath = true",
                        First(ep.Location, m.Location), FixData("overridePath", "true"));
                }
            }
        }
    }
}
