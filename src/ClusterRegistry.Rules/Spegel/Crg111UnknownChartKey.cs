using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>
/// CRG111: a Spegel <c>Values</c> key the chart version does not know, or an old name (<c>appendMirrors</c> →
/// <c>prependExisting</c>, <c>additionalMirrorRegistries</c> → <c>additionalMirrorTargets</c>, <c>registries</c> →
/// <c>mirroredRegistries</c>). Fix data: <c>replacement</c> (the new key path) for a renamed key.
/// </summary>
public sealed class Crg111UnknownChartKey : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg111, "Spegel chart value the chart version does not know", RuleSeverity.Error, "Spegel",
        "Spegel's chart ships no values schema, so Helm drops an unknown or renamed key without a word: the setting the stack believes in is off.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            if (sp.Values.Count == 0)
            {
                continue; // no key to judge; the key tables are not even loaded
            }

            // A null ChartVersion installs the newest chart; an unparsable or unknown one, or one newer than the table, says nothing.
            if (!sp.EffectiveChartVersion.TryGet(out var text))
            {
                continue;
            }

            ChartVersion version;
            if (text is null)
            {
                version = SpegelChartKeys.Newest;
            }
            else if (!ChartVersion.TryParse(text, out version) || SpegelChartKeys.Compare(version, SpegelChartKeys.Newest) > 0)
            {
                continue;
            }

            var seen = new HashSet<string>();
            foreach (var leaf in sp.Values)
            {
                var top = leaf.Path.Count > 0 ? leaf.Path[0] : "";
                if (!SpegelChartKeys.TopLevel.TryGetValue(top, out var range) || !SpegelChartKeys.Has(range, version))
                {
                    if (seen.Add(top))
                    {
                        yield return Report(sp, "Values[\"" + top + "\"]",
                            $"Values key '{top}' is not a value of Spegel chart {version}: the chart has no values schema, so Helm drops it without a word and whatever it sets stays at the chart default",
                            First(leaf.Location, sp.Values.Location, sp.Location));
                    }

                    continue;
                }

                if (top != "spegel" || leaf.Path.Count < 2)
                {
                    continue;
                }

                var key = leaf.Path[1];
                if (SpegelChartKeys.Spegel.TryGetValue(key, out var keyRange) && SpegelChartKeys.Has(keyRange, version))
                {
                    continue;
                }

                if (!seen.Add("spegel." + key))
                {
                    continue;
                }

                var path = "Values[\"spegel\"][\"" + key + "\"]";
                if (SpegelChartKeys.Renamed.TryGetValue(key, out var rename) && SpegelChartKeys.Compare(version, rename.Since) >= 0)
                {
                    var newName = rename.NewName;
                    while (SpegelChartKeys.Renamed.TryGetValue(newName, out var next) && SpegelChartKeys.Compare(version, next.Since) >= 0)
                    {
                        newName = next.NewName;
                    }

                    yield return Report(sp, path,
                        $"Values key 'spegel.{key}' was renamed 'spegel.{newName}' in chart v{rename.Since}; chart {version} has no values schema, so Helm drops the old name without a word and {rename.Effect}; use 'spegel.{newName}'",
                        First(leaf.Location, sp.Values.Location, sp.Location), FixData("replacement", "spegel." + newName));
                }
                else
                {
                    yield return Report(sp, path,
                        $"Values key 'spegel.{key}' is not a value of Spegel chart {version}: the chart has no values schema, so Helm drops it without a word and the setting stays at the chart default",
                        First(leaf.Location, sp.Values.Location, sp.Location));
                }
            }
        }
    }
}
