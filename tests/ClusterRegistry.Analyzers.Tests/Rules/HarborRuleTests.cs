using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>CRG301–CRG306 in the analyzer: exact spans when they fire, silence on near misses and on non-constant values.</summary>
public class HarborRuleTests
{
    private static string RobotWith(string name = "\"cluster-pull\"", string permissions = "Permissions = { RobotPermission.Pull(\"library\") }", string more = "") => $$"""
                var robot = new RobotAccount({{name}}, new RobotAccountArgs
                {
                    Registry = harbor,
                    {{permissions}},
                    {{more}}
                });
        """;

    public static readonly RuleCase[] Cases =
    {
        // CRG301: robot name.
        new("CRG301", Fires, "upper case and +", Stack(robot: RobotWith(name: "[|\"Cluster+Pull\"|]"))),
        new("CRG301", NearMiss, "dots, dashes and underscores between lower-case runs", Stack(robot: RobotWith(name: "\"cluster.pull_1-a\""))),
        new("CRG301", Unknown, "name from the environment", Stack(robot: RobotWith(name: "Environment.GetEnvironmentVariable(\"ROBOT\")!"))),

        // CRG302: duration.
        new("CRG302", Fires, "zero days", Stack(robot: RobotWith(more: "[|DurationDays = 0|],"))),
        new("CRG302", NearMiss, "thirty days", Stack(robot: RobotWith(more: "DurationDays = 30,"))),
        new("CRG302", Unknown, "duration from the environment", Stack(robot: RobotWith(more: "DurationDays = int.Parse(Environment.GetEnvironmentVariable(\"DAYS\") ?? \"-1\"),"))),

        // CRG303: node pull robot with push.
        new("CRG303", Fires, "push permission on the node robot", Stack(robot: RobotWith(permissions: "Permissions = { [|RobotPermission.Push(\"library\")|] }"))),
        new("CRG303", NearMiss, "a push robot not used by nodes", Stack(extra: """
                new RobotAccount("ci-push", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Push("library") } });
            """)),
        new("CRG303", Fires, "permission from a helper method of the stack", Stack(robot: RobotWith(permissions: "Permissions = { NodePermission() }")),
            "private static RobotPermission NodePermission() => [|RobotPermission.Push(\"library\")|];"),
        new("CRG303", Unknown, "permission from a helper outside the stack class", Stack(robot: RobotWith(permissions: "Permissions = { Helpers.NodePermission() }")),
            "private static class Helpers { public static RobotPermission NodePermission() => RobotPermission.Push(\"library\"); }"),

        // CRG304: project robot with several permissions.
        new("CRG304", Fires, "two entries", Stack(extra: """
                new RobotAccount("project-pull", new RobotAccountArgs { Registry = harbor, Level = RobotLevel.Project, Project = "library", [|Permissions = { RobotPermission.Pull("library"), RobotPermission.Pull("apps") }|] });
            """)),
        new("CRG304", NearMiss, "a system robot with two entries", Stack(extra: """
                new RobotAccount("system-pull", new RobotAccountArgs { Registry = harbor, Level = RobotLevel.System, Permissions = { RobotPermission.Pull("library"), RobotPermission.Pull("apps") } });
            """)),
        new("CRG304", Unknown, "level from the environment", Stack(extra: """
                new RobotAccount("project-pull", new RobotAccountArgs { Registry = harbor, Level = Enum.Parse<RobotLevel>(Environment.GetEnvironmentVariable("LEVEL") ?? "Project"), Project = "library", Permissions = { RobotPermission.Pull("library"), RobotPermission.Pull("apps") } });
            """)),

        // CRG305: node robot cannot pull the probe image's project.
        new("CRG305", Fires, "probe image in another project", Stack(
            robot: RobotWith(permissions: "[|Permissions = { RobotPermission.Pull(\"library\") }|]"),
            probe: ProbeWith("\"192.168.1.105/apps/myapp:v1\""))),
        new("CRG305", NearMiss, "the other project is public", Stack(
            probe: ProbeWith("\"192.168.1.105/apps/myapp:v1\""),
            extra: """new HarborProject("apps", new HarborProjectArgs { Registry = harbor, Public = true });""")),
        new("CRG305", Unknown, "probe image from the environment", Stack(probe: ProbeWith("Environment.GetEnvironmentVariable(\"PROBE_IMAGE\")!"))),

        // CRG306: token realm unreachable.
        new("CRG306", Fires, "https external URL, http endpoints", Stack(harbor: HarborWith(externalUrl: "[|ExternalUrl = \"https://192.168.1.105\"|]"))),
        new("CRG306", Fires, "cluster DNS external URL on chart 1.17", Stack(harbor: HarborWith(externalUrl: "[|ExternalUrl = \"http://harbor.harbor.svc.cluster.local\"|]"))),
        new("CRG306", NearMiss, "cluster DNS external URL on chart 1.18 (Harbor 2.14 uses the request host)", Stack(harbor: HarborWith(
            chart: "ChartVersion = \"1.18.0\"", externalUrl: "ExternalUrl = \"http://harbor.harbor.svc.cluster.local\""))),
        new("CRG306", Unknown, "external URL from the environment", Stack(harbor: HarborWith(externalUrl: "ExternalUrl = Environment.GetEnvironmentVariable(\"HARBOR_URL\")"))),
    };

    internal static string ProbeWith(string image, string more = "") => $$"""
                new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
                {
                    Image = {{image}},
                    Budget = TimeSpan.FromSeconds(1),
                    ExpectedSizeBytes = 37_000_000,
                    LinkMegabitsPerSecond = 1000,
                    {{more}}
                });
        """;

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));
}
