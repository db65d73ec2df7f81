using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>CRG206: a mirror or registry config key contains a scheme, path or trailing slash. Fix data: <c>replacement</c>.</summary>
public sealed class Crg206KeyWithSchemeOrPath : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg206, "Mirror key contains a scheme, path or trailing slash", RuleSeverity.Error, "Talos",
        "Mirror and registry config keys are host[:port] (or * for mirrors): the registry as image references name it.",
        refusesInput: true);

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                if (Check(m.Key, out var problem, out var stripped))
                {
                    yield return Refuse(p, Topo.Entry("Mirrors", m.Key, i), m.Key.Value,
                        $"mirror key '{m.Key.Value}' {problem}: keys are host[:port] as image references name the registry" + (stripped is null ? "" : $"; use '{stripped}'"),
                        First(m.Key.Location, m.Location), stripped is null ? null : FixData("replacement", stripped));
                }
            }

            for (var i = 0; i < p.RegistryConfigs.Count; i++)
            {
                var rc = p.RegistryConfigs[i];
                if (Check(rc.Key, out var problem, out var stripped))
                {
                    yield return Refuse(p, Topo.Entry("RegistryConfig", rc.Key, i), rc.Key.Value,
                        $"registry config key '{rc.Key.Value}' {problem}: keys are the endpoint host[:port]" + (stripped is null ? "" : $"; use '{stripped}'"),
                        First(rc.Key.Location, rc.Location), stripped is null ? null : FixData("replacement", stripped));
                }
            }
        }
    }

    private static bool Check(Val<string> key, out string problem, out string? stripped)
    {
        problem = "";
        stripped = null;
        return key.TryGet(out var k) && !MirrorKey.IsValid(k, out problem, out stripped) &&
               (k.IndexOf("://", System.StringComparison.Ordinal) >= 0 || k.IndexOf('/') >= 0);
    }
}
