using ClusterRegistry.Rules;

namespace ClusterRegistry.Rules.Tests.Rules;

public sealed class GoodSnapshotTests
{
    [Fact]
    public void The_homelab_topology_built_directly_fires_nothing()
    {
        var findings = new GoodSnapshot().RunAll();
        Assert.Empty(findings);
    }

    [Fact]
    public void Catalog_lists_every_rule_once_in_id_order_with_help_links()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToList();
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        string[] expected =
        [
            "CRG001", "CRG002", "CRG003", "CRG101", "CRG102", "CRG103", "CRG104", "CRG105", "CRG106", "CRG107", "CRG108", "CRG109", "CRG110", "CRG111",
            "CRG201", "CRG202", "CRG203", "CRG204", "CRG205", "CRG206", "CRG207", "CRG208", "CRG209", "CRG210", "CRG211", "CRG212", "CRG213", "CRG214", "CRG215",
            "CRG301", "CRG302", "CRG303", "CRG304", "CRG305", "CRG306", "CRG307", "CRG308", "CRG309", "CRG401", "CRG402", "CRG403",
        ];
        Assert.Equal(expected, ids);
        foreach (var d in RuleCatalog.Descriptors)
        {
            Assert.Equal("https://github.com/clusterregistry/clusterregistry/blob/main/docs/rules/" + d.Id + ".md", d.HelpLink);
            Assert.True(File.Exists(Path.Combine(ClusterRegistry.Testing.RepoPaths.Root, d.DocPath)), d.DocPath + " is missing");
        }
    }

    [Fact]
    public void Severities_match_the_catalogue()
    {
        var errors = new[] { "CRG001", "CRG002", "CRG101", "CRG102", "CRG103", "CRG104", "CRG105", "CRG106", "CRG110", "CRG111", "CRG201", "CRG202", "CRG204", "CRG205", "CRG206", "CRG207", "CRG208", "CRG209", "CRG214", "CRG215", "CRG301", "CRG302", "CRG304", "CRG305", "CRG306", "CRG307", "CRG308", "CRG309" };
        var infos = new[] { "CRG403" };
        foreach (var d in RuleCatalog.Descriptors)
        {
            var expected = errors.Contains(d.Id) ? RuleSeverity.Error : infos.Contains(d.Id) ? RuleSeverity.Info : RuleSeverity.Warning;
            Assert.True(expected == d.DefaultSeverity, d.Id);
        }
    }
}
