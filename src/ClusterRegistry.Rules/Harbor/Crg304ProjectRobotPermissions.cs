using System.Collections.Generic;
using System.Globalization;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>CRG304: a project-level robot has more than one permission entry.</summary>
public sealed class Crg304ProjectRobotPermissions : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg304, "Project robot with several permission entries", RuleSeverity.Error, "Harbor",
        "Harbor rejects a project-level robot whose permissions list has more than one entry.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var r in s.Robots)
        {
            if (r.Level.Is(RobotLevelKind.Project) && r.Permissions.Count > 1)
            {
                yield return Report(r, "Permissions",
                    $"{r.Label} is a project-level robot with {r.Permissions.Count.ToString(CultureInfo.InvariantCulture)} permission entries: Harbor rejects more than one (use a system-level robot for several projects)",
                    First(r.Permissions.Location, r.Location));
            }
        }
    }
}
