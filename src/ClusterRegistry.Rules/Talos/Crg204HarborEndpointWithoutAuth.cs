using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG204: a mirror endpoint points at Harbor and no auth is configured for that endpoint's host. Silent when every
/// project the stack declares on that Harbor is public (anonymous tokens suffice). Fix data: <c>key</c> (endpoint
/// host[:port]), <c>robot</c> (a pull robot's resource name, when one exists).
/// </summary>
public sealed class Crg204HarborEndpointWithoutAuth : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg204, "Harbor mirror endpoint without auth", RuleSeverity.Error, "Talos",
        "Harbor answers anonymous pulls with 401; the anonymous token it then hands out only covers public projects, so private images end in ImagePullBackOff.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                for (var j = 0; j < m.Endpoints.Count; j++)
                {
                    var ep = m.Endpoints[j];
                    if (!ep.TryGet(out var text) || !EndpointUrl.TryParse(text, out var url))
                    {
                        continue;
                    }

                    // An endpoint into one project (/v2/<project>) is judged by that project alone (CRG308), or is broken
                    // anyway without OverridePath (CRG214).
                    if (Topo.ProjectOfPath(url.Path) is not null)
                    {
                        continue;
                    }

                    var harbor = Topo.HarborForHost(s, url.HostPortWithoutDefault) ?? Topo.HarborForHost(s, url.Host);
                    if (harbor is null || Topo.HarborNeedsAuth(s, harbor) != true || Topo.HasAuthFor(p, url.HostPortWithoutDefault, url.HostPort) != false)
                    {
                        continue;
                    }

                    var key = url.HostPortWithoutDefault;
                    var robot = Topo.PullRobotOf(s, harbor);
                    yield return Report(p, Topo.Entry("Mirrors", m.Key, i) + "." + Topo.Index("Endpoints", j),
                        $"mirror endpoint {text} points at {harbor.Label} and RegistryConfig has no auth for '{key}': " +
                        (harbor.IsHarbor
                            ? "Harbor challenges anonymous pulls and private projects end in ImagePullBackOff"
                            : "the registry answers anonymous pulls with 401 (AnonymousPull = false) and the pull ends in ImagePullBackOff") +
                        $"; add auth for '{key}'" +
                        (robot is null ? "" : $" from {robot.Label}"),
                        First(ep.Location, m.Location),
                        robot is null ? FixData("key", key) : FixData("key", key, "robot", robot.Name.Value));
                }
            }
        }
    }
}
