using ClusterRegistry.Cli.Reporting;
using ClusterRegistry.Rules.Tests.BrokenStacks;

namespace ClusterRegistry.Rules.Tests.Check;

public sealed class BrokenStackTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var t in BrokenStackCatalog.Types)
        {
            data.Add(t.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Check_fires_exactly_the_expected_ids(string typeName)
    {
        var type = BrokenStackCatalog.Types.Single(t => t.Name == typeName);
        var result = CheckResult.Run(BrokenStackCatalog.Build(type));
        var ids = result.Findings.Select(f => f.Finding.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToArray();
        Assert.Equal(BrokenStackCatalog.ExpectedIds(type), ids);
        foreach (var f in result.Findings)
        {
            Assert.Equal("tests/ClusterRegistry.Rules.Tests/BrokenStacks/" + typeName + ".cs", f.File);
            Assert.True(f.Line > 0);
        }
    }

    [Fact]
    public void Every_rule_except_duplicate_names_is_covered_by_a_broken_stack()
    {
        var covered = BrokenStackCatalog.Types.SelectMany(BrokenStackCatalog.ExpectedIds)
            .Concat(RealStacks.RealStackCatalog.Types.SelectMany(RealStacks.RealStackCatalog.ExpectedIds)).ToHashSet();
        var missing = RuleCatalog.Descriptors.Select(d => d.Id).Where(id => !covered.Contains(id)).ToList();
        // CRG002: the model refuses duplicate names while the stack is built (exit 2), so only the analyzer reports it.
        Assert.Equal(["CRG002"], missing);
    }

    [Fact]
    public void The_seed_runbook_fires_crg105_crg106_and_crg211_with_the_runbook_values()
    {
        var result = CheckResult.Run(BrokenStackCatalog.Build(typeof(SeedRunbookStack)));
        Assert.Equal(3, result.Findings.Count);
        var f105 = result.Findings.Single(f => f.Finding.Id == "CRG105").Finding;
        Assert.Equal("SpegelRelease 'spegel'", f105.Resource);
        Assert.Equal("ContainerdRegistryConfigPath", f105.PropertyPath);
        var f106 = result.Findings.Single(f => f.Finding.Id == "CRG106").Finding;
        Assert.Equal("TalosMachinePatch 'machine-network'", f106.Resource);
        Assert.Contains("Talos v1.11", f106.Message);
        var f211 = result.Findings.Single(f => f.Finding.Id == "CRG211").Finding;
        Assert.Equal("Mirrors[\"192.168.1.105\"]", f211.PropertyPath);
        Assert.Contains("no auth for '192.168.1.105'", f211.Message);
    }

    [Theory]
    [InlineData("homelab")]
    [InlineData("local")]
    public void Repository_stacks_fire_nothing(string name)
    {
        var result = CheckResult.Run(Stacks.StackDirectory.Catalog.Build(name));
        Assert.Empty(result.Findings);
    }
}
