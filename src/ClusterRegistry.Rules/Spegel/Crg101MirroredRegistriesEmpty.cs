using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG101: <c>MirroredRegistries</c> is empty. Fix data: <c>registries</c> (newline-separated URLs to add).</summary>
public sealed class Crg101MirroredRegistriesEmpty : Rule
{
    public static readonly RuleDescriptor Id = new("CRG101", "Spegel mirrors every registry (MirroredRegistries is empty)", RuleSeverity.Error, "Spegel",
        "With an empty list Spegel writes only _default/hosts.toml and moves every Talos hosts dir to _backup: Harbor's mirror, auth path and http scheme stop applying.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            if (sp.MirroredRegistries.Count != 0 || sp.MirroredRegistries.HasUnknownEntries)
            {
                continue;
            }

            var suggestions = new List<string>();
            foreach (var p in s.TalosPatches)
            {
                foreach (var m in p.Mirrors)
                {
                    if (m.Key.TryGet(out var key) && MirrorKey.IsValid(key))
                    {
                        var url = key == "*" ? "_default" : Topo.SchemeForRegistry(s, key) is { } scheme ? scheme + "://" + key : null;
                        if (url is not null && !suggestions.Contains(url))
                        {
                            suggestions.Add(url);
                        }
                    }
                }
            }

            var hint = suggestions.Count > 0 ? "; add the registries the stack uses: " + string.Join(", ", suggestions) : "; list the registries to mirror";
            yield return Report(sp, "MirroredRegistries",
                "MirroredRegistries is empty, so Spegel writes only _default/hosts.toml and moves every Talos hosts dir (Harbor's mirror, auth path, http scheme) to _backup" + hint,
                First(sp.MirroredRegistries.Location, sp.Location),
                suggestions.Count > 0 ? FixData("registries", string.Join("\n", suggestions)) : null);
        }
    }
}
