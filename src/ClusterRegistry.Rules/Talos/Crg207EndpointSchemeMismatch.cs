using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>CRG207: a Harbor endpoint's scheme disagrees with Harbor's TLS setting. Fix data: <c>replacement</c>.</summary>
public sealed class Crg207EndpointSchemeMismatch : Rule
{
    public static readonly RuleDescriptor Id = new("CRG207", "Endpoint scheme disagrees with Harbor's TLS setting", RuleSeverity.Error, "Talos",
        "An https endpoint on a plain-HTTP Harbor (or the reverse) fails to connect or fails the TLS handshake.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                for (var j = 0; j < m.Endpoints.Count; j++)
                {
                    var ep = m.Endpoints[j];
                    if (!ep.TryGet(out var text) || !EndpointUrl.TryParse(text, out var url))
                    {
                        continue;
                    }

                    var harbor = Topo.HarborForHost(s, url.HostPortWithoutDefault) ?? Topo.HarborForHost(s, url.Host);
                    if (harbor is null || !harbor.Scheme.TryGet(out var scheme) || scheme == url.Scheme)
                    {
                        continue;
                    }

                    var replacement = scheme + "://" + url.HostPort + url.Path;
                    yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                        $"mirror endpoint {text} uses {url.Scheme}, but {harbor.Label} has Tls = {(scheme == "https" ? "true" : "false")} and serves {scheme}; use '{replacement}'",
                        First(ep.Location, m.Location), FixData("replacement", replacement));
                }
            }
        }
    }
}
