using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>CRG001–CRG002 in the analyzer, the clean baseline every case starts from, and the coverage of the case tables.</summary>
public class GeneralRuleTests
{
    public static readonly RuleCase[] Cases =
    {
        // CRG001: malformed literals.
        new("CRG001", Fires, "ClusterIP with an octet over 255", Stack(harbor: HarborWith(clusterIp: "[|ClusterIP = \"10.43.216.256\"|]"))),
        new("CRG001", Fires, "host alias that is not a host name", Stack(patch: PatchWith(
            hostEntries: """ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local", [|"bad_host!"|] } } }"""))),
        new("CRG001", Fires, "node that is not an IP", Stack(patch: PatchWith(more: "Nodes = { [|\"192.168.1\"|] },").Replace("Nodes = { \"192.168.1.98\" },", ""))),
        new("CRG001", NearMiss, "valid alias with a dash", Stack(patch: PatchWith(
            hostEntries: """ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local", "harbor-registry.lan" } } }"""))),
        new("CRG001", Unknown, "ClusterIP from the environment", Stack(harbor: HarborWith(clusterIp: "ClusterIP = Environment.GetEnvironmentVariable(\"HARBOR_CLUSTER_IP\")"))),

        // CRG002: duplicate names.
        new("CRG002", Fires, "two robots named cluster-pull", Stack(extra: """
                new RobotAccount([|"cluster-pull"|], new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("apps") } });
            """)),
        new("CRG002", NearMiss, "same name, different kinds", Stack(extra: """
                new HarborProject("harbor", new HarborProjectArgs { Registry = harbor, ProjectName = "library" });
            """)),
        new("CRG002", Unknown, "second name from the environment", Stack(extra: """
                new RobotAccount(Environment.GetEnvironmentVariable("ROBOT")!, new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("apps") } });
            """)),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));

    [Fact]
    public async Task The_clean_stack_every_case_starts_from_fires_nothing()
    {
        var compilation = TestCompilation.Create(new RuleCase("-", NearMiss, "clean", Stack()).Source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        Assert.True(diags.Length == 0, string.Join("\n", diags));
    }

    [Fact]
    public void Every_rule_the_analyzer_reports_has_a_firing_a_near_miss_and_an_unknown_case()
    {
        var all = SpegelRuleTests.Cases.Concat(TalosRuleTests.Cases).Concat(HarborRuleTests.Cases).Concat(ProbeRuleTests.Cases).Concat(RealConfigurationRuleTests.Cases).Concat(ExternalRegistryRuleTests.Cases).Concat(ExistingSecretRuleTests.Cases).Concat(Cases).ToList();
        var missing = new List<string>();
        foreach (var d in new StackAnalyzer().SupportedDiagnostics)
        {
            foreach (var kind in Enum.GetValues<CaseKind>())
            {
                if (!all.Any(c => c.Id == d.Id && c.Kind == kind))
                {
                    missing.Add(d.Id + " " + kind);
                }
            }
        }

        Assert.Equal(41, new StackAnalyzer().SupportedDiagnostics.Length);
        Assert.True(missing.Count == 0, "missing cases: " + string.Join(", ", missing));
    }
}
