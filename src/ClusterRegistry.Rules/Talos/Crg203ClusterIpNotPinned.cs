using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>CRG203: the ClusterIP a host entry uses is not pinned, or lies outside the service subnet. Fix data (not pinned): <c>value</c> = <c>true</c>.</summary>
public sealed class Crg203ClusterIpNotPinned : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg203, "Harbor ClusterIP used by a host entry is not pinned or outside the service subnet", RuleSeverity.Warning, "Talos",
        "A re-created Service gets a new ClusterIP unless spec.clusterIP is pinned, and an address outside the service CIDR cannot be assigned: the host entry goes stale.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var h in s.Harbors)
        {
            if (h.External)
            {
                // An external registry has no Service.
                continue;
            }

            if (!h.ClusterIP.TryGet(out var cip) || cip is null || !UsedByHostEntry(s, h, cip, out var patch))
            {
                continue;
            }

            if (h.PinClusterIP.TryGet(out var pin) && !pin)
            {
                yield return Report(h, "PinClusterIP",
                    $"{patch!.Label} maps {h.ServiceHost} to ClusterIP {cip}, but PinClusterIP is false: a re-created Service gets a new ClusterIP and the host entry goes stale; set PinClusterIP = true",
                    First(h.PinClusterIP.Location, h.Location), FixData("value", "true"));
            }

            if (h.ServiceSubnet.TryGet(out var subnet) && subnet is not null && Cidr.TryParse(subnet, out var cidr) && !cidr.Contains(cip))
            {
                yield return Report(h, "ClusterIP",
                    $"ClusterIP {cip}, used by {patch!.Label}'s host entry, lies outside the service subnet {subnet}: Kubernetes cannot pin it and the host entry points nowhere",
                    First(h.ClusterIP.Location, h.Location));
            }
        }
    }

    private static bool UsedByHostEntry(TopologySnapshot s, HarborInfo h, string cip, out TalosPatchInfo? patch)
    {
        foreach (var p in s.TalosPatches)
        {
            foreach (var e in p.HostEntries)
            {
                if (!e.Ip.TryGet(out var ip) || ip != cip)
                {
                    continue;
                }

                foreach (var a in e.Aliases)
                {
                    if (a.TryGet(out var alias) && h.IsServiceHost(alias))
                    {
                        patch = p;
                        return true;
                    }
                }
            }
        }

        patch = null;
        return false;
    }
}
