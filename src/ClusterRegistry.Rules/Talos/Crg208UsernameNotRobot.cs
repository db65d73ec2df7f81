using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG208: the username of auth for a Harbor host is not the full name of a declared robot. Fix data: <c>username</c>
/// and <c>robot</c> (resource name) when a robot on that Harbor exists.
/// </summary>
public sealed class Crg208UsernameNotRobot : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg208, "Auth username is not a declared robot's full name", RuleSeverity.Error, "Talos",
        "Harbor robots log in as robot$name (system) or robot$project+name (project); any other name gets 401, or silently anonymous access.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        var reported = new HashSet<AuthInfo>();
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.RegistryConfigs.Count; i++)
            {
                var rc = p.RegistryConfigs[i];
                if (!rc.Key.TryGet(out var key) || !rc.Auth.TryGet(out var auth) || auth is null || auth.UsernameRobot is not null)
                {
                    continue;
                }

                var harbor = Topo.HarborForHost(s, key);
                // Robots of a Harbor outside the cluster are not declared in the stack (and zot/distribution/cloud logins are not robots).
                if (harbor is null || harbor.External || !auth.Username.TryGet(out var user) || user is null || !reported.Add(auth))
                {
                    continue;
                }

                if (Matches(s, user) != false)
                {
                    continue;
                }

                var robot = Topo.PullRobotOf(s, harbor);
                var suggestion = robot is not null && robot.FullName.TryGet(out var fn) ? fn : null;
                yield return Report(p, Topo.Entry("RegistryConfig", rc.Key, i) + ".Auth.Username",
                    $"auth username '{user}' for '{key}' is not the full name of a declared robot (robot$name or robot$project+name): Harbor answers 401" +
                    (suggestion is null ? "" : $"; use {robot!.Label}'s FullName '{suggestion}'"),
                    First(auth.Username.Location, auth.Location, rc.Location),
                    suggestion is null ? null : FixData("username", suggestion, "robot", robot!.Name.Value));
            }
        }
    }

    private static bool? Matches(TopologySnapshot s, string user)
    {
        var unknown = s.Robots.HasUnknownEntries || s.HasUnknownResources;
        foreach (var r in s.Robots)
        {
            if (!r.FullName.TryGet(out var fn))
            {
                unknown = true;
                continue;
            }

            if (fn == user)
            {
                return true;
            }
        }

        return unknown ? null : false;
    }
}
