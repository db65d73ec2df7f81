using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG102: a registry with a Talos mirror is mirrored by Spegel without <c>PrependExisting</c>. Fix data: <c>value</c> = <c>true</c>.</summary>
public sealed class Crg102PrependExistingNotSet : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg102, "Spegel replaces a Talos mirror (PrependExisting is not true)", RuleSeverity.Error, "Spegel",
        "Spegel rewrites the hosts.toml of every registry it mirrors; without prependExisting the Talos endpoints (the in-cluster Harbor) disappear.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            if (!sp.EffectivePrependExisting.TryGet(out var prepend) || prepend)
            {
                continue;
            }

            var keys = new List<string>();
            foreach (var p in s.TalosPatches)
            {
                foreach (var m in p.Mirrors)
                {
                    if (m.Key.TryGet(out var key) && Topo.SpegelLists(sp, key, out _) == true && !keys.Contains(key))
                    {
                        keys.Add(key);
                    }
                }
            }

            if (keys.Count > 0)
            {
                yield return Report(sp, "PrependExisting",
                    $"Spegel mirrors {string.Join(", ", keys)}, which Talos also mirrors, and PrependExisting is false: Spegel replaces Talos's hosts.toml and the Talos endpoints disappear; set PrependExisting = true",
                    First(sp.PrependExisting.Location, sp.Location), FixData("value", "true"));
            }
        }
    }
}
