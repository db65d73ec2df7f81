using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Probe;

/// <summary>CRG403: a private registry (a Harbor) is mirrored and no probe measures it. Fix data: <c>registry</c>.</summary>
public sealed class Crg403PrivateRegistryWithoutProbe : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg403, "Mirrored private registry without a probe", RuleSeverity.Info, "Probe",
        "Without a pull-latency probe, a regression in the mirror path (Spegel misses, a stale host entry) goes unseen.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        if (s.Probes.HasUnknownEntries || s.HasUnknownResources)
        {
            yield break;
        }

        foreach (var h in s.Harbors)
        {
            if (!h.RegistryHost.TryGet(out var host) || host is null || !IsMirrored(s, host))
            {
                continue;
            }

            var measured = false;
            var unknown = false;
            foreach (var probe in s.Probes)
            {
                if (!probe.Image.TryGet(out var text))
                {
                    unknown = true;
                    continue;
                }

                measured |= ImageReference.TryParse(text, out var image) && h.IsHost(image.Registry);
            }

            if (measured || unknown)
            {
                continue;
            }

            yield return Report(h, "name",
                $"{h.Label} is mirrored as {host} and no PullLatencyProbe pulls from it: regressions in the mirror path go unseen; add a probe of an image under {host}/",
                h.Location, FixData("registry", host));
        }
    }

    private static bool IsMirrored(TopologySnapshot s, string host)
    {
        foreach (var p in s.TalosPatches)
        {
            foreach (var m in p.Mirrors)
            {
                if (m.Key.TryGet(out var key) && Topo.SameHost(key, host))
                {
                    return true;
                }
            }
        }

        foreach (var sp in s.Spegels)
        {
            if (Topo.SpegelLists(sp, host, out _) == true)
            {
                return true;
            }
        }

        return false;
    }
}
