using ClusterRegistry.Cli.Reporting;
using ClusterRegistry.Rules.Tests.RealStacks;

namespace ClusterRegistry.Rules.Tests.Check;

/// <summary>
/// The stacks transcribed from public home-ops repositories: <c>check</c> reports exactly the findings each stack argues
/// from upstream facts (and so no false alarm), at the stack's own file.
/// </summary>
public sealed class RealStackTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var t in RealStackCatalog.Types)
        {
            data.Add(t.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Check_fires_exactly_the_findings_the_stack_argues(string typeName)
    {
        var type = RealStackCatalog.Types.Single(t => t.Name == typeName);
        var result = CheckResult.Run(RealStackCatalog.Build(type));
        var ids = result.Findings.Select(f => f.Finding.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToArray();
        Assert.True(RealStackCatalog.ExpectedIds(type).SequenceEqual(ids), string.Join("\n", result.Findings.Select(f => f.Finding.ToString())));
        foreach (var f in result.Findings)
        {
            Assert.Equal("tests/ClusterRegistry.Rules.Tests/RealStacks/" + typeName + ".cs", f.File);
        }
    }

    [Fact]
    public void At_least_four_repositories_each_named_with_its_commit()
    {
        Assert.True(RealStackCatalog.Types.Count >= 4);
        foreach (var t in RealStackCatalog.Types)
        {
            var source = File.ReadAllText(Path.Combine(ClusterRegistry.Testing.RepoPaths.Root, "tests", "ClusterRegistry.Rules.Tests", "RealStacks", t.Name + ".cs"));
            Assert.Matches(@"https://github\.com/[\w.-]+/[\w.-]+ at commit [0-9a-f]{40}", source);
        }
    }

    [Fact]
    public void J0sh3rs_findings_say_what_containerd_does()
    {
        var result = CheckResult.Run(RealStackCatalog.Build(typeof(J0sh3rsHomeOpsStack)));
        var f101 = result.Findings.Single(f => f.Finding.Id == "CRG101").Finding;
        Assert.Contains("docker.io, ghcr.io, quay.io, registry.k8s.io", f101.Message);
        Assert.Contains("_backup", f101.Message);
        var f106 = result.Findings.Single(f => f.Finding.Id == "CRG106").Finding;
        Assert.Contains("sets discard_unpacked_layers = true", f106.Message);
    }
}
