using System.Collections.Generic;
using System.Globalization;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>CRG302: robot <c>DurationDays</c> is 0 (or below -1). Fix data: <c>value</c> = <c>-1</c>.</summary>
public sealed class Crg302InvalidRobotDuration : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg302, "Robot duration rejected by Harbor", RuleSeverity.Error, "Harbor",
        "Harbor accepts a duration of -1 (never expires) or a positive number of days; 0 is rejected.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var r in s.Robots)
        {
            if (r.DurationDays.TryGet(out var d) && (d == 0 || d < -1))
            {
                yield return Report(r, "DurationDays",
                    $"DurationDays is {d.ToString(CultureInfo.InvariantCulture)}: Harbor accepts only -1 (never expires) or a positive number of days; set -1",
                    First(r.DurationDays.Location, r.Location), FixData("value", "-1"));
            }
        }
    }
}
