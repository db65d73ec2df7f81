using System.Collections.Generic;
using System.Text.RegularExpressions;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>CRG301: a robot name does not match Harbor's pattern.</summary>
public sealed class Crg301InvalidRobotName : Rule
{
    public const string Pattern = "^[a-z0-9]+(?:[._-][a-z0-9]+)*$";
    private static readonly Regex NameRegex = new(Pattern, RegexOptions.CultureInvariant);

    public static readonly RuleDescriptor Id = new(RuleIds.Crg301, "Robot name rejected by Harbor", RuleSeverity.Error, "Harbor",
        "Harbor accepts robot names matching " + Pattern + " only (lower case, no +, no $).");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var r in s.Robots)
        {
            if (r.Name.TryGet(out var name) && !NameRegex.IsMatch(name))
            {
                yield return Report(r, "name",
                    $"robot name '{name}' does not match {Pattern}: Harbor rejects it with 400 (lower-case letters and digits, separated by single . _ or -)",
                    First(r.Name.Location, r.Location));
            }
        }
    }
}
