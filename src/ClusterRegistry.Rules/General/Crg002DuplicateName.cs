using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.General;

/// <summary>
/// CRG002: the model refuses a resource while the stack is built: two resources of one kind share a name in a stack, or
/// a resource is created before the stack's constructor runs (a field initialiser).
/// </summary>
public sealed class Crg002DuplicateName : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg002, "Two resources of one kind share a name", RuleSeverity.Error, "General",
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
            if (r.CreatedOutsideConstructor)
            {
                yield return Report(r, "", $"{r.Label} is created before the stack's constructor runs (a field or property initialiser, or a static constructor): the model refuses it, resources must be created inside the constructor of a Stack subclass", r.Location);
                continue;
            }

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
