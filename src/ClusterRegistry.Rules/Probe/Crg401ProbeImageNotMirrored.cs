using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Probe;

/// <summary>CRG401: the probe image's registry is not one the stack mirrors.</summary>
public sealed class Crg401ProbeImageNotMirrored : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg401, "Probe image is not on a mirrored registry", RuleSeverity.Warning, "Probe",
        "A probe of an unmirrored registry measures the upstream path, not the mirror path the stack configures.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var probe in s.Probes)
        {
            if (!probe.Image.TryGet(out var text) || !ImageReference.TryParse(text, out var image))
            {
                continue;
            }

            var mirrored = IsMirrored(s, image.Registry);
            if (mirrored != false)
            {
                continue;
            }

            yield return Report(probe, "Image",
                $"probe image {text} is on registry {image.Registry}, which no Talos mirror or Spegel entry covers: the probe does not measure the mirror path",
                First(probe.Image.Location, probe.Location));
        }
    }

    private static bool? IsMirrored(TopologySnapshot s, string registry)
    {
        var unknown = s.TalosPatches.HasUnknownEntries || s.Spegels.HasUnknownEntries || s.HasUnknownResources;
        foreach (var p in s.TalosPatches)
        {
            unknown |= p.Mirrors.HasUnknownEntries;
            foreach (var m in p.Mirrors)
            {
                if (!m.Key.TryGet(out var key))
                {
                    unknown = true;
                }
                else if (key == "*" || Topo.SameHost(key, registry))
                {
                    return true;
                }
            }
        }

        foreach (var sp in s.Spegels)
        {
            if (sp.MirroredRegistries.Count == 0 && !sp.MirroredRegistries.HasUnknownEntries)
            {
                return true;
            }

            var listed = Topo.SpegelLists(sp, registry, out _);
            var wildcard = Topo.SpegelLists(sp, "*", out _);
            if (listed == true || wildcard == true)
            {
                return true;
            }

            unknown |= listed is null;
        }

        return unknown ? null : false;
    }
}
