using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.General;

/// <summary>
/// CRG003: an escape-hatch <c>Values</c> leaf sets a chart value that a typed property of the same release also sets, to
/// something else. Values are deep-merged last, so the release gets the escape-hatch value while every rule judged the typed
/// one.
/// </summary>
public sealed class Crg003ValuesContradictTypedProperty : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg003, "Chart value in Values contradicts a typed property", RuleSeverity.Warning, "General",
        "Values are merged over the typed properties, so the release runs with the escape-hatch value while the typed property, which the rules check, says otherwise.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            foreach (var f in Compare(sp, sp.Values, new[] { "spegel", "prependExisting" }, "PrependExisting", sp.PrependExisting.Is(true) ? (object)true : null, sp.PrependExisting.Location))
            {
                yield return f;
            }

            foreach (var f in Compare(sp, sp.Values, new[] { "spegel", "containerdRegistryConfigPath" }, "ContainerdRegistryConfigPath",
                         sp.ContainerdRegistryConfigPath.TryGet(out var path) ? path : null, sp.ContainerdRegistryConfigPath.Location))
            {
                yield return f;
            }

            foreach (var f in Compare(sp, sp.Values, new[] { "spegel", "mirroredRegistries" }, "MirroredRegistries", KnownList(sp.MirroredRegistries), sp.MirroredRegistries.Location))
            {
                yield return f;
            }

            foreach (var f in Compare(sp, sp.Values, new[] { "spegel", "additionalMirrorTargets" }, "AdditionalMirrorTargets", KnownList(sp.AdditionalMirrorTargets), sp.AdditionalMirrorTargets.Location))
            {
                yield return f;
            }
        }

        foreach (var h in s.Harbors)
        {
            foreach (var f in Compare(h, h.Values, new[] { "externalURL" }, "ExternalUrl", h.ExternalUrl.TryGet(out var ext) ? ext : null, h.ExternalUrl.Location))
            {
                yield return f;
            }

            foreach (var f in Compare(h, h.Values, new[] { "expose", "tls", "enabled" }, "Tls", h.Tls.Is(false) ? (object)false : null, h.Tls.Location))
            {
                yield return f;
            }
        }
    }

    /// <summary>A finding when the leaf at <paramref name="path"/> is known and differs from a set (non-null) typed value.</summary>
    private IEnumerable<Finding> Compare(ResourceInfo r, ValList<HelmValueInfo> values, string[] path, string property, object? typed, object? typedLocation)
    {
        if (typed is null)
        {
            yield break;
        }

        foreach (var leaf in values)
        {
            if (leaf.Path.Count != path.Length || !leaf.StartsWith(path) || !leaf.Value.TryGet(out var value) || SameValue(value, typed))
            {
                continue;
            }

            yield return Report(r, "Values[\"" + string.Join("\"][\"", path) + "\"]",
                $"Values sets '{leaf.DottedPath}' to {Show(value)} while {property} is {Show(typed)}: values are merged last, so the release gets {Show(value)} and the checks made on {property} do not hold; set it in one place",
                First(leaf.Location, typedLocation, r.Location));
        }
    }

    private static List<string>? KnownList(ValList<Val<string>> list)
    {
        if (list.Count == 0 || list.HasUnknownEntries)
        {
            return null;
        }

        var items = new List<string>();
        foreach (var v in list)
        {
            if (!v.TryGet(out var t))
            {
                return null;
            }

            items.Add(t);
        }

        return items;
    }

    private static bool SameValue(object? a, object? b)
    {
        if (a is string || b is string || a is bool || b is bool)
        {
            return Equals(a, b);
        }

        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = new List<string>();
            foreach (var x in ea)
            {
                la.Add(Convert.ToString(x, CultureInfo.InvariantCulture) ?? "");
            }

            var lb = new List<string>();
            foreach (var x in eb)
            {
                lb.Add(Convert.ToString(x, CultureInfo.InvariantCulture) ?? "");
            }

            if (la.Count != lb.Count)
            {
                return false;
            }

            for (var i = 0; i < la.Count; i++)
            {
                if (la[i] != lb[i])
                {
                    return false;
                }
            }

            return true;
        }

        return Equals(a, b);
    }

    private static string Show(object? v) => v switch
    {
        null => "null",
        string t => "'" + t + "'",
        bool b => b ? "true" : "false",
        IEnumerable e => "[" + string.Join(", ", Items(e)) + "]",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    private static IEnumerable<string> Items(IEnumerable e)
    {
        foreach (var x in e)
        {
            yield return Convert.ToString(x, CultureInfo.InvariantCulture) ?? "null";
        }
    }
}
