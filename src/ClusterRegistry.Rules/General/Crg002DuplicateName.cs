using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.General;

/// <summary>CRG002: two resources of one kind share a name in a stack.</summary>
public sealed class Crg002DuplicateName : Rule
{
    public static readonly RuleDescriptor Id = new("CRG002", "Two resources of one kind share a name", RuleSeverity.Error, "General",
        "Resource names are unique per kind within a stack: rendered files, Pulumi URNs and Helm release names are derived from them.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        var all = new List<ResourceInfo>();
        all.AddRange(s.Harbors);
        all.AddRange(s.Projects);
        all.AddRange(s.Robots);
        all.AddRange(s.Spegels);
        all.AddRange(s.TalosPatches);
        all.AddRange(s.Probes);
        var seen = new Dictionary<string, ResourceInfo>();
        foreach (var r in all)
        {
            // Two declarations that may not both run (alternative constructors, two branches) are not a duplicate.
            if (r.MayNotExist || !r.Name.TryGet(out var name))
            {
                continue;
            }

            var key = r.Kind + "\n" + name;
            if (seen.ContainsKey(key))
            {
                yield return Report(r, "name", $"two {r.Kind} resources are named '{name}' in this stack", First(r.Name.Location, r.Location));
            }
            else
            {
                seen[key] = r;
            }
        }
    }
}
