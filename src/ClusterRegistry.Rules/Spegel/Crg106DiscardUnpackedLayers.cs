using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>
/// CRG106: Spegel on Talos ≥ 1.8 without a <c>discard_unpacked_layers = false</c> customisation. Fix data:
/// <c>talosVersion</c>, <c>form</c> (<c>CRICustomizationConfig</c> from v1.14, <c>machine.files</c> before).
/// </summary>
public sealed class Crg106DiscardUnpackedLayers : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg106, "Talos discards unpacked layers, so Spegel cannot serve them", RuleSeverity.Error, "Spegel",
        "Talos ≥ 1.8 (containerd 2.x) sets discard_unpacked_layers = true: peers answer 404/500 and every pull silently goes upstream.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        if (s.Spegels.Count == 0)
        {
            yield break;
        }

        foreach (var p in s.TalosPatches)
        {
            // Up to v1.7 Talos ran containerd 1.7, which ignored the key where Talos put it (siderolabs/talos
            // hack/cri-plugin.part; spegel-org/spegel PR #653).
            if (!p.ParsedVersion.TryGet(out var v) || v < TalosVersionValue.V1_8)
            {
                continue;
            }

            var state = KeepsLayers(p, out var explicitTrue);
            if (state != false)
            {
                continue;
            }

            if (explicitTrue)
            {
                // Judged by the value, not by the file's presence: a customisation that sets it to true is the fault.
                yield return Report(p, "CriCustomizations",
                    $"Spegel runs on Talos {v} and {p.Label}'s CRI customisation sets discard_unpacked_layers = true: containerd drops each layer once it is unpacked, peers answer 404/500 for them and every pull silently goes upstream (Spegel ≥ 0.7 no longer checks this at start-up); set it to false",
                    First(p.Files.Location, p.CriCustomizations.Location, p.Location), FixData("talosVersion", v.ToString(), "form", v >= TalosVersionValue.V1_14 ? "CRICustomizationConfig" : "machine.files"));
                continue;
            }

            var form = v >= TalosVersionValue.V1_14 ? "CRICustomizationConfig" : "machine.files";
            var formText = v >= TalosVersionValue.V1_14
                ? "a CRICustomizationConfig document"
                : "the machine.files part " + TalosFileInfo.CriCustomizationPath;
            yield return Report(p, "CriCustomizations",
                $"Spegel runs on Talos {v}, which sets discard_unpacked_layers = true, and {p.Label} has no discard_unpacked_layers = false customisation: peers cannot serve layers and every pull silently goes upstream; add TalosCriCustomization.SpegelKeepUnpackedLayers() (rendered as {formText})",
                First(p.CriCustomizations.Location, p.TalosVersion.Location, p.Location), FixData("talosVersion", v.ToString(), "form", form));
        }
    }

    /// <summary>true: keeps layers; false: known not to; null: unknown.</summary>
    private static bool? KeepsLayers(TalosPatchInfo p, out bool explicitTrue)
    {
        explicitTrue = false;
        var unknown = p.CriCustomizations.HasUnknownEntries || p.Files.HasUnknownEntries;
        bool? last = null;
        foreach (var c in p.CriCustomizations)
        {
            if (!c.Content.TryGet(out var content))
            {
                unknown = true;
                continue;
            }

            last = Topo.DiscardUnpackedLayers(content) ?? last;
        }

        foreach (var f in p.Files)
        {
            if (!f.Path.TryGet(out var path))
            {
                unknown = true;
                continue;
            }

            if (path != TalosFileInfo.CriCustomizationPath)
            {
                continue;
            }

            if (!f.Content.TryGet(out var content))
            {
                unknown = true;
                continue;
            }

            last = Topo.DiscardUnpackedLayers(content) ?? last;
        }

        if (last == false)
        {
            return true;
        }

        explicitTrue = last == true;

        return unknown ? null : false;
    }
}
