using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>
/// Logical names of emitted resources. They are part of each resource's URN, so they must stay stable across versions:
/// renaming one makes Pulumi delete and re-create the resource. Only <c>[a-z0-9-]</c>, so <c>${name.output}</c> parses.
/// </summary>
public static class LogicalNames
{
    public static string Namespace(string ns) => "ns-" + Expr.Slug(ns);

    public static string DefaultHarborProvider => "harbor-provider";

    public static string AdminPasswordSecret(HarborRegistry harbor) => Expr.Slug(harbor.Name) + "-admin-password";

    public static string Release(Resource release) => Expr.Slug(release.Name);

    public static string Project(HarborProject project) => "project-" + Expr.Slug(project.Name);

    public static string ProxyRegistry(HarborProject project) => "registry-" + Expr.Slug(project.Name);

    public static string Robot(RobotAccount robot) => "robot-" + Expr.Slug(robot.Name);

    public static string TalosNode(TalosMachinePatch patch, string node) => "talos-" + Expr.Slug(patch.Name) + "-" + Expr.Slug(node);

    public static string Probe(PullLatencyProbe probe) => "probe-" + Expr.Slug(probe.Name);
}
