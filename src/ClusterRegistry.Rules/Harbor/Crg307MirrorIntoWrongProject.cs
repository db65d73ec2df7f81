using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>
/// CRG307: a Talos mirror for registry R sends pulls to a Harbor project (<c>/v2/&lt;project&gt;</c> with
/// <c>OverridePath</c>) that is not a proxy cache of R.
/// </summary>
public sealed class Crg307MirrorIntoWrongProject : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg307, "Mirror points at a Harbor project that does not proxy its registry", RuleSeverity.Error, "Harbor",
        "The project answers for another upstream (or none): pulls get 404 and go upstream past the cache, or resolve to another registry's repository of the same name.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                if (!m.Key.TryGet(out var key) || key == "*" || !m.OverridePath.Is(true))
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
                    // A mirror keyed on the Harbor itself is a plain project path (pulls of harbor/<project>/…), not a proxy.
                    if (harbor is null || harbor.IsHost(key) || Topo.FindProject(s, harbor, projectName) is not { } project ||
                        !project.ProxyUpstream.TryGet(out var upstream))
                    {
                        continue;
                    }

                    if (upstream is null)
                    {
                        yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                            $"mirror '{key}' sends pulls to {project.Label}, which is not a proxy cache: it holds none of {key}'s images, answers 404, and containerd moves on to the next host, so the cache is never used; give the project ProxyCache = new HarborProxyCacheArgs {{ Upstream = \"{key}\" }} or point the mirror at the project that proxies {key}",
                            First(ep.Location, m.Location));
                    }
                    else if (!Topo.SameRegistry(upstream, key))
                    {
                        yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                            $"mirror '{key}' sends pulls to {project.Label}, which proxies {upstream}: containerd gets {upstream}'s repository of the same name or a 404 (then the next host); point the mirror at the project that proxies {key}",
                            First(ep.Location, m.Location));
                    }
                }
            }
        }
    }
}
