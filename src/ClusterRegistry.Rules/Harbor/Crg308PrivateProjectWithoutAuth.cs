using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>
/// CRG308: a mirror endpoint into a private Harbor project (<c>/v2/&lt;project&gt;</c>) with no auth for the endpoint host.
/// Fix data: <c>key</c> (the endpoint host[:port]).
/// </summary>
public sealed class Crg308PrivateProjectWithoutAuth : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg308, "Mirror endpoint into a private Harbor project without auth", RuleSeverity.Error, "Harbor",
        "Harbor answers 401 and its anonymous token grants nothing on a private project: containerd moves on to the next host, so pulls silently go upstream and the cache stays empty.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                if (!m.OverridePath.Is(true))
                {
                    continue;
                }

                for (var j = 0; j < m.Endpoints.Count; j++)
                {
                    var ep = m.Endpoints[j];
                    if (!ep.TryGet(out var text) || !EndpointUrl.TryParse(text, out var url) || Topo.ProjectOfPath(url.Path) is not { } projectName)
                    {
                        continue;
                    }

                    var harbor = Topo.HarborForHost(s, url.HostPortWithoutDefault) ?? Topo.HarborForHost(s, url.Host);
                    if (harbor is null || Topo.FindProject(s, harbor, projectName) is not { } project || !project.Public.Is(false) ||
                        Topo.HasAuthFor(p, url.HostPortWithoutDefault, url.HostPort) != false)
                    {
                        continue;
                    }

                    var hostKey = url.HostPortWithoutDefault;
                    yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                        $"mirror endpoint {text} goes to the private {project.Label} and RegistryConfig has no auth for '{hostKey}': Harbor answers 401, the anonymous token grants nothing, and containerd moves on to the next host, so pulls silently go {(m.Key.TryGet(out var k) && k != "*" ? "to " + k : "upstream")} and the cache stays empty; add auth for '{hostKey}' or make the project public",
                        First(ep.Location, m.Location), FixData("key", hostKey));
                }
            }
        }
    }
}
