using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG201: a mirror endpoint's host is a cluster DNS name and no host entry aliases it. Fix data: <c>alias</c> (the host),
/// <c>ip</c> (the Harbor ClusterIP, when the endpoint is a Harbor Service name with a known ClusterIP).
/// </summary>
public sealed class Crg201ClusterDnsEndpointWithoutHostEntry : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg201, "Mirror endpoint is a cluster DNS name without a host entry", RuleSeverity.Error, "Talos",
        "containerd runs on the host and resolves names with the host's resolver and /etc/hosts, not CoreDNS: Service names do not resolve.");

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
                    if (!ep.TryGet(out var text) || !EndpointUrl.TryParse(text, out var url) || !HostName.IsClusterDnsName(url.Host))
                    {
                        continue;
                    }

                    var aliased = Aliased(p, url.Host);
                    if (aliased != false)
                    {
                        continue;
                    }

                    var harbor = Topo.HarborForServiceHost(s, url.Host);
                    string? ip = null;
                    if (harbor is not null && harbor.ClusterIP.TryGet(out var cip))
                    {
                        ip = cip;
                    }

                    var advice = ip is not null
                        ? $"add a host entry for {ip}"
                        : harbor is not null ? $"declare {harbor.Label}'s ClusterIP and add a host entry for it" : "add a host entry mapping it to a node-reachable IP";
                    yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                        $"mirror endpoint {url.Host} is a cluster DNS name that containerd on the host cannot resolve; {advice}",
                        First(ep.Location, m.Location),
                        ip is null ? FixData("alias", url.Host) : FixData("alias", url.Host, "ip", ip));
                }
            }
        }
    }

    /// <summary>Whether a host entry of the patch aliases <paramref name="host"/>; null when the entries are not fully known.</summary>
    public static bool? Aliased(TalosPatchInfo p, string host)
    {
        var unknown = p.HostEntries.HasUnknownEntries;
        foreach (var e in p.HostEntries)
        {
            unknown |= e.Aliases.HasUnknownEntries;
            foreach (var a in e.Aliases)
            {
                if (!a.TryGet(out var alias))
                {
                    unknown = true;
                    continue;
                }

                if (Topo.SameHost(alias, host))
                {
                    return true;
                }
            }
        }

        return unknown ? null : false;
    }
}
