using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Probe;

/// <summary>CRG402: the budget is below what the link can carry (declared size ÷ declared link speed). Fix data: <c>minimumSeconds</c>.</summary>
public sealed class Crg402BudgetBelowLinkSpeed : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg402, "Probe budget below what the link can carry", RuleSeverity.Warning, "Probe",
        "Moving the declared image size over the declared link takes longer than the budget: the gate can never pass.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var probe in s.Probes)
        {
            if (!probe.BudgetSeconds.TryGet(out var budget) || !probe.ExpectedSizeBytes.TryGet(out var size) || size is null ||
                !probe.LinkMegabitsPerSecond.TryGet(out var link) || link is null || link.Value <= 0)
            {
                continue;
            }

            var needed = size.Value * 8.0 / (link.Value * 1_000_000.0);
            if (budget >= needed)
            {
                continue;
            }

            yield return Report(probe, "Budget",
                $"budget {Topo.Num(budget)} s is below the {Topo.Num(needed)} s that {Topo.Num(size.Value / 1_000_000.0)} MB take at {Topo.Num(link.Value)} Mbit/s: the gate can never pass",
                First(probe.BudgetSeconds.Location, probe.Location), FixData("minimumSeconds", Topo.Num(needed)));
        }
    }
}
