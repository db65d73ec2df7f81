using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>CRG401–CRG403 in the analyzer: exact spans when they fire, silence on near misses and on non-constant values.</summary>
public class ProbeRuleTests
{
    private static string ProbeWith(string image = "Image = \"192.168.1.105/library/myapp:v1\"", string budget = "Budget = TimeSpan.FromSeconds(1)", string link = "LinkMegabitsPerSecond = 1000") => $$"""
                new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
                {
                    {{image}},
                    {{budget}},
                    ExpectedSizeBytes = 37_000_000,
                    {{link}},
                });
        """;

    public static readonly RuleCase[] Cases =
    {
        // CRG401: probe image not mirrored.
        new("CRG401", Fires, "ghcr.io is not mirrored", Stack(probe: ProbeWith(image: "[|Image = \"ghcr.io/acme/app:v1\"|]"))),
        new("CRG401", NearMiss, "docker.io is mirrored by Spegel", Stack(probe: ProbeWith(image: "Image = \"docker.io/library/alpine:3.20\""))),
        new("CRG401", Unknown, "image from the environment", Stack(probe: ProbeWith(image: "Image = Environment.GetEnvironmentVariable(\"PROBE_IMAGE\")!"))),

        // CRG402: budget below link speed.
        new("CRG402", Fires, "100 ms for 37 MB at 1 Gbit/s", Stack(probe: ProbeWith(budget: "[|Budget = TimeSpan.FromMilliseconds(100)|]"))),
        new("CRG402", NearMiss, "half a second for 37 MB at 1 Gbit/s", Stack(probe: ProbeWith(budget: "Budget = TimeSpan.FromSeconds(0.5)"))),
        new("CRG402", Unknown, "link speed from the environment", Stack(probe: ProbeWith(budget: "Budget = TimeSpan.FromMilliseconds(100)", link: "LinkMegabitsPerSecond = double.Parse(Environment.GetEnvironmentVariable(\"LINK_MBIT\") ?? \"1000\")"))),

        // CRG403: mirrored private registry without a probe.
        new("CRG403", Fires, "no probe", Stack(harbor: HarborWith().Replace("new HarborRegistry", "[|new HarborRegistry|]"), probe: "")),
        new("CRG403", NearMiss, "a probe of another project on the Harbor", Stack(probe: ProbeWith(image: "Image = \"192.168.1.105/library/busybox:1\""))),
        new("CRG403", Unknown, "the only probe's image from the environment", Stack(probe: ProbeWith(image: "Image = Environment.GetEnvironmentVariable(\"PROBE_IMAGE\")!"))),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));
}
