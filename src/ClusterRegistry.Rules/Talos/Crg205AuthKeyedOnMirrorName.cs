using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG205: auth is keyed on a mirror name while the mirror's endpoint host, which containerd dials, has none. Fix data:
/// <c>key</c> (the endpoint host[:port] to key it on).
/// </summary>
public sealed class Crg205AuthKeyedOnMirrorName : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg205, "Registry auth keyed on the mirror name instead of the endpoint host", RuleSeverity.Error, "Talos",
        "containerd looks credentials up by the host it actually dials (the endpoint), not by the registry name in the image reference.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.RegistryConfigs.Count; i++)
            {
                var rc = p.RegistryConfigs[i];
                if (!rc.Key.TryGet(out var key) || !rc.Auth.TryGet(out var auth) || auth is null || auth.HasCredentials != true)
                {
                    continue;
                }

                foreach (var m in p.Mirrors)
                {
                    if (!m.Key.TryGet(out var mk) || !Topo.SameHost(mk, key) || m.Endpoints.HasUnknownEntries)
                    {
                        continue;
                    }

                    foreach (var ep in m.Endpoints)
                    {
                        if (!ep.TryGet(out var text) || !EndpointUrl.TryParse(text, out var url) || Topo.SameHost(url.HostPortWithoutDefault, key))
                        {
                            continue;
                        }

                        if (Topo.HasAuthFor(p, url.HostPortWithoutDefault, url.HostPort) != false)
                        {
                            continue;
                        }

                        var target = url.HostPortWithoutDefault;
                        yield return Report(p, Topo.Entry("RegistryConfig", rc.Key, i),
                            $"auth is keyed on the mirror name '{key}', but containerd dials the endpoint {text} and looks auth up by '{target}', which has none; key the auth on '{target}'",
                            First(rc.Key.Location, rc.Location), FixData("key", target));
                        break;
                    }
                }
            }
        }
    }
}
