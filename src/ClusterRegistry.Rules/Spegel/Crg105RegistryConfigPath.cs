using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG105: Spegel on Talos without <c>ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts"</c>. Fix data: <c>path</c>.</summary>
public sealed class Crg105RegistryConfigPath : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg105, "Spegel writes hosts.toml where Talos's containerd never reads", RuleSeverity.Error, "Spegel",
        "On Talos containerd's config_path is /etc/cri/conf.d/hosts; the chart default /etc/containerd/certs.d is ignored.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        if (s.TalosPatches.Count == 0)
        {
            yield break;
        }

        foreach (var sp in s.Spegels)
        {
            if (!sp.EffectiveContainerdRegistryConfigPath.TryGet(out var path))
            {
                continue;
            }

            var normalized = path?.Trim().TrimEnd('/');
            if (normalized == SpegelInfo.TalosConfigPath)
            {
                continue;
            }

            var what = path is null
                ? $"ContainerdRegistryConfigPath is not set, so Spegel writes to the chart default {SpegelInfo.ChartDefaultConfigPath}"
                : $"ContainerdRegistryConfigPath is '{path}'";
            yield return Report(sp, "ContainerdRegistryConfigPath",
                what + $", but Talos's containerd reads hosts.toml only from {SpegelInfo.TalosConfigPath}: set ContainerdRegistryConfigPath = \"{SpegelInfo.TalosConfigPath}\"",
                First(sp.ContainerdRegistryConfigPath.Location, sp.Location), FixData("path", SpegelInfo.TalosConfigPath));
        }
    }
}
