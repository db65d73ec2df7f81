using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>CRG202: a host entry aliases the Harbor Service name with an IP that is not its ClusterIP. Fix data: <c>ip</c> (the ClusterIP).</summary>
public sealed class Crg202HostEntryWrongIp : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg202, "Host entry maps the Harbor Service name to the wrong IP", RuleSeverity.Error, "Talos",
        "The host entry must carry the Harbor Service's ClusterIP; any other address sends pulls to a stale or wrong target.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.HostEntries.Count; i++)
            {
                var e = p.HostEntries[i];
                if (!e.Ip.TryGet(out var ip) || !IpAddress.IsValid(ip))
                {
                    continue;
                }

                foreach (var a in e.Aliases)
                {
                    if (!a.TryGet(out var alias))
                    {
                        continue;
                    }

                    var harbor = Topo.HarborForServiceHost(s, alias);
                    if (harbor is null || !harbor.ClusterIP.TryGet(out var cip))
                    {
                        continue;
                    }

                    var path = Topo.Index("ExtraHostEntries", e.Index ?? i) + ".Ip";
                    if (cip is null)
                    {
                        yield return Report(p, path,
                            $"host entry maps {alias} to {ip}, but {harbor.Label} declares no ClusterIP, so the Service gets an unmapped address; set HarborArgs.ClusterIP = \"{ip}\" (pinned) or fix the entry",
                            First(e.Ip.Location, e.Location));
                    }
                    else if (cip != ip)
                    {
                        yield return Report(p, path,
                            $"host entry maps {alias} to {ip}, but {harbor.Label}'s ClusterIP is {cip}: pulls go to a wrong or stale address; replace the IP with {cip}",
                            First(e.Ip.Location, e.Location), FixData("ip", cip));
                    }

                    break;
                }
            }
        }
    }
}
