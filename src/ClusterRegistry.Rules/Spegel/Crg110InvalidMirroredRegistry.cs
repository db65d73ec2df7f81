using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG110: a <c>MirroredRegistries</c> entry is not <c>scheme://host[:port]</c>, or the wildcard is misused. Fix data: <c>replacement</c> when derivable.</summary>
public sealed class Crg110InvalidMirroredRegistry : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg110, "Invalid MirroredRegistries entry", RuleSeverity.Error, "Spegel",
        "Entries must be http(s) URLs without path, query, user info or trailing slash, or a single bare wildcard (_default or *).",
        refusesInput: true);

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            var wildcards = 0;
            for (var i = 0; i < sp.MirroredRegistries.Count; i++)
            {
                var e = sp.MirroredRegistries[i];
                if (!e.TryGet(out var text) || text is null)
                {
                    // A null entry is CRG001's.
                    continue;
                }

                var path = Topo.Index("MirroredRegistries", i);
                var loc = First(e.Location, sp.MirroredRegistries.Location);
                if (!RegistryUrl.TryParse(text, out var entry, out var error, out var suggestion))
                {
                    yield return Refuse(sp, path, text, $"MirroredRegistries entry '{text}' is invalid: {error}" + (suggestion is null ? "" : $"; use '{suggestion}'"),
                        loc, suggestion is null ? null : FixData("replacement", suggestion));
                    continue;
                }

                if (entry.IsWildcard && ++wildcards > 1)
                {
                    yield return Refuse(sp, path, text, $"MirroredRegistries entry '{text}' is a second wildcard; Spegel allows only one of _default and *", loc);
                }
            }
        }
    }
}
