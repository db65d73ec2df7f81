using System.Collections.Generic;
using System.Linq;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>CRG303: the robot used for node pulls has more than pull access. Fix data: <c>keep</c> = <c>repository:pull</c>.</summary>
public sealed class Crg303NodePullRobotTooPowerful : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg303, "Node pull robot has more than pull access", RuleSeverity.Warning, "Harbor",
        "Node credentials sit in clear in cri.toml on every node: they should only pull.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var r in Topo.NodeAuthRobots(s, null))
        {
            for (var i = 0; i < r.Permissions.Count; i++)
            {
                var perm = r.Permissions[i];
                var extra = perm.ExtraAccess().Select(a => a.ToString()).ToList();
                if (extra.Count == 0)
                {
                    continue;
                }

                yield return Report(r, Topo.Index("Permissions", perm.Index ?? i),
                    $"{r.Label} is used for node pulls (its credentials sit in cri.toml on every node) but its permission on '{perm.Namespace}' also grants {string.Join(", ", extra)}; keep repository:pull only",
                    First(perm.Location, r.Permissions.Location, r.Location), FixData("keep", "repository:pull"));
            }
        }
    }
}
