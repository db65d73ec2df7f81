using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG210: legacy fields rendered for a Talos version whose schema no longer has them: <c>machine.registries</c> /
/// <c>extraHostEntries</c> from v1.12 (unless the stack chose that form), <c>machine.files</c> outside <c>/etc</c> from v1.14
/// (synth renders <c>/etc</c> files as EtcFileConfig and the CRI part as CRICustomizationConfig, so those agree with it).
/// </summary>
public sealed class Crg210LegacyConfigOnNewTalos : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg210, "Legacy machine config fields for a Talos version that deprecated them", RuleSeverity.Warning, "Talos",
        "machine.registries and extraHostEntries are deprecated from Talos 1.12 and machine.files from 1.14; the schemas of those versions no longer contain them, so validators reject the config.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            if (!p.ParsedVersion.TryGet(out var v))
            {
                continue;
            }

            if (v >= TalosVersionValue.V1_12 && p.RendersLegacyRegistryFields.Is(true) && !p.LegacyRegistryFormChosen.Is(true))
            {
                yield return Report(p, "TalosVersion",
                    $"{p.Label} is rendered with legacy machine.registries/extraHostEntries for Talos {v}; they are deprecated from v1.12 and absent from its schema: render RegistryMirrorConfig/RegistryAuthConfig/StaticHostConfig documents",
                    First(p.RendersLegacyRegistryFields.Location, p.TalosVersion.Location, p.Location));
            }

            if (v < TalosVersionValue.V1_14)
            {
                continue;
            }

            for (var i = 0; i < p.Files.Count; i++)
            {
                // synth renders /etc files as EtcFileConfig and the CRI part as a CRICustomizationConfig from v1.14: only
                // files elsewhere stay machine.files.
                var f = p.Files[i];
                if (!f.Path.TryGet(out var path) || path.StartsWith("/etc/", System.StringComparison.Ordinal))
                {
                    continue;
                }

                yield return Report(p, Topo.Index("Files", f.Index ?? i),
                    $"Files renders machine.files '{path}', deprecated in Talos {v} and absent from its schema (talosctl validate warns, --strict fails, so talhelper's generation fails); only /etc files have a dedicated document (EtcFileConfig)",
                    First(f.Location, p.Files.Location, p.Location));
            }
        }
    }
}
