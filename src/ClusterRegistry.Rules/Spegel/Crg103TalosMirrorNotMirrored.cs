using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG103: a registry with a Talos mirror is missing from a non-empty <c>MirroredRegistries</c>. Fix data: <c>registry</c> (the entry to add).</summary>
public sealed class Crg103TalosMirrorNotMirrored : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg103, "A Talos-mirrored registry is missing from Spegel's MirroredRegistries", RuleSeverity.Error, "Spegel",
        "Spegel moves every existing hosts dir to _backup on its first start and restores only the registries it mirrors.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            if (sp.MirroredRegistries.Count == 0)
            {
                continue;
            }

            var reported = new HashSet<string>();
            foreach (var p in s.TalosPatches)
            {
                foreach (var m in p.Mirrors)
                {
                    if (!m.Key.TryGet(out var key) || !MirrorKey.IsValid(key) || Topo.SpegelLists(sp, key, out _) != false || !reported.Add(HostPort.Normalize(key)))
                    {
                        continue;
                    }

                    var scheme = Topo.SchemeForRegistry(s, key);
                    var entry = key == "*" ? "_default" : scheme is null ? null : scheme + "://" + key;
                    yield return Report(sp, "MirroredRegistries",
                        $"{p.Label} mirrors '{key}' but Spegel's MirroredRegistries does not list it: Spegel moves Talos's hosts dir '{HostPort.TalosDirectoryName(key)}' to _backup on its first start and never restores it" +
                        (entry is null ? "" : $"; add \"{entry}\""),
                        First(sp.MirroredRegistries.Location, sp.Location), entry is null ? null : FixData("registry", entry));
                }
            }
        }
    }
}
