using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG108: Spegel chart ≥ 0.7 with Talos &lt; 1.11 (containerd &lt; 2.1).</summary>
public sealed class Crg108ChartNeedsNewerTalos : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg108, "Spegel 0.7 needs containerd ≥ 2.1 (Talos ≥ 1.11)", RuleSeverity.Warning, "Spegel",
        "Spegel v0.7 dropped containerd 1.7/2.0 support and its start-up check: on older Talos it fails silently.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            var declared = sp.EffectiveChartVersion;
            if (!declared.TryGet(out var cv) || cv is null || !ChartVersion.TryParse(cv, out var chart) || !chart.AtLeast(0, 7))
            {
                continue;
            }

            foreach (var p in s.TalosPatches)
            {
                if (p.ParsedVersion.TryGet(out var v) && v < TalosVersionValue.V1_11)
                {
                    yield return Report(sp, sp.ChartSource.Is(null) ? "ChartVersion" : "ChartSource.Tag",
                        $"Spegel chart {cv} needs containerd ≥ 2.1, but {p.Label} runs Talos {v} (containerd {(v < TalosVersionValue.V1_8 ? "1.7" : "2.0")}); Spegel no longer checks this at start-up: use Talos ≥ v1.11 or a Spegel chart < 0.7",
                        First(declared.Location, sp.Location));
                }
            }
        }
    }
}
