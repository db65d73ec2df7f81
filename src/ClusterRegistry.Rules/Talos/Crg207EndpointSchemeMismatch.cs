using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG207: a Harbor endpoint's scheme disagrees with the scheme Harbor serves on that host: the chart's TLS setting on its
/// own Service (DNS names, ClusterIP, LoadBalancer IP), the external URL's scheme on the external host (TLS may end at an
/// ingress or a Gateway while <c>Tls = false</c>). Fix data: <c>replacement</c>.
/// </summary>
public sealed class Crg207EndpointSchemeMismatch : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg207, "Endpoint scheme disagrees with Harbor's TLS setting", RuleSeverity.Error, "Talos",
        "An https endpoint on a host that serves plain HTTP (or the reverse) fails the TLS handshake or gets a plain-HTTP error, and containerd moves to the next endpoint.");

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
                    if (harbor is null)
                    {
                        continue;
                    }

                    var expected = harbor.SchemeForHost(url.HostPortWithoutDefault);
                    if (!expected.IsKnown)
                    {
                        expected = harbor.SchemeForHost(url.Host);
                    }

                    if (!expected.TryGet(out var scheme) || scheme == url.Scheme)
                    {
                        continue;
                    }

                    var replacement = scheme + "://" + url.HostPort + url.Path;
                    var why = harbor.IsServiceHost(url.Host) || !harbor.ExternalUrl.IsKnown || harbor.ExternalUrl.Value is null || !harbor.ClientScheme.Is(scheme) || harbor.Scheme.Is(scheme)
                        ? $"{harbor.Label} has Tls = {(scheme == "https" ? "true" : "false")} and its Service serves {scheme}"
                        : $"clients reach {harbor.Label} at {url.Host} through its ExternalUrl {harbor.ExternalUrl.Value}, which is {scheme}";
                    yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                        $"mirror endpoint {text} uses {url.Scheme}, but {why}: containerd's request fails ({(url.Scheme == "https" ? "TLS handshake against a plain-HTTP port" : "plain HTTP against a TLS port")}) and it moves to the next endpoint; use '{replacement}'",
                        First(ep.Location, m.Location), FixData("replacement", replacement));
                }
            }
        }
    }
}
