using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>CRG305: the robot used for node auth cannot pull from the project of an image the stack pulls (the probe image).</summary>
public sealed class Crg305NodeRobotCannotPullProbeImage : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg305, "Node robot cannot pull the probe image's project", RuleSeverity.Error, "Harbor",
        "The node authenticates as the robot; without repository:pull on the image's project Harbor answers 401/403.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var probe in s.Probes)
        {
            if (!probe.Image.TryGet(out var text) || !ImageReference.TryParse(text, out var image) || !image.HasExplicitRegistry)
            {
                continue;
            }

            var harbor = Topo.HarborForHost(s, image.Registry);
            if (harbor is null)
            {
                continue;
            }

            var project = image.FirstPathComponent;
            if (Topo.IsPublicProject(s, harbor, project) != false)
            {
                continue;
            }

            foreach (var r in Topo.NodeAuthRobots(s, harbor))
            {
                if (CanPull(r, project) != false)
                {
                    continue;
                }

                yield return Report(r, "Permissions",
                    $"{r.Label} authenticates node pulls from {harbor.Label}, but has no repository:pull on project '{project}' of {probe.Label}'s image {text}: Harbor answers 401/403; add RobotPermission.Pull(\"{project}\")",
                    First(r.Permissions.Location, r.Location));
            }
        }
    }

    private static bool? CanPull(RobotInfo r, string project)
    {
        var unknown = r.Permissions.HasUnknownEntries;
        foreach (var p in r.Permissions)
        {
            var allows = p.AllowsPull(project);
            if (allows == true)
            {
                return true;
            }

            unknown |= allows is null;
        }

        return unknown ? null : false;
    }
}
