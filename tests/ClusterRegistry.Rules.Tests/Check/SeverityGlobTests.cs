using ClusterRegistry.Cli.Reporting;
using ClusterRegistry.Rules;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rules.Tests.Check;

/// <summary>
/// Section globs as the compiler matches them (Roslyn's AnalyzerConfig: editorconfig.org's globs plus numeric ranges),
/// asked of <see cref="SeverityConfiguration"/> for files that need not exist: the path alone decides.
/// </summary>
public sealed class SeverityGlobTests : IDisposable
{
    private readonly TempDir repo = new("severity-globs");

    public void Dispose() => repo.Dispose();

    private RuleSeverity? Crg211In(string editorconfig, string file)
    {
        File.WriteAllText(repo.Combine(".editorconfig"), "root = true\n" + editorconfig);
        var rule = RuleCatalog.Find("CRG211")!;
        return SeverityConfiguration.Load(repo.Path).SeverityOf(new Finding(rule, "TalosMachinePatch 'p'", "Mirrors", "m", null), file);
    }

    [Theory]
    [InlineData("stacks/Env1Stack.cs", RuleSeverity.Error)]
    [InlineData("stacks/Env3Stack.cs", RuleSeverity.Error)]
    [InlineData("stacks/Env4Stack.cs", RuleSeverity.Warning)]
    [InlineData("stacks/EnvXStack.cs", RuleSeverity.Warning)]
    public void Numeric_ranges_match_only_numbers_in_the_range(string file, RuleSeverity expected)
    {
        Assert.Equal(expected, Crg211In("[stacks/Env{1..3}Stack.cs]\ndotnet_diagnostic.CRG211.severity = error\n", file));
    }

    [Theory]
    [InlineData("stacks/prod/HomelabStack.cs", RuleSeverity.Error)]
    [InlineData("stacks/lab/HomelabStack.cs", RuleSeverity.Error)]
    [InlineData("stacks/dev/HomelabStack.cs", RuleSeverity.Warning)]
    [InlineData("other/prod/HomelabStack.cs", RuleSeverity.Warning)]
    public void Brace_alternatives_and_double_star(string file, RuleSeverity expected)
    {
        Assert.Equal(expected, Crg211In("[stacks/{prod,lab}/**.cs]\ndotnet_diagnostic.CRG211.severity = error\n", file));
    }

    [Theory]
    [InlineData("stacks/AStack.cs", null)]
    [InlineData("stacks/BStack.cs", null)]
    [InlineData("stacks/CStack.cs", RuleSeverity.Warning)]
    public void Character_classes(string file, RuleSeverity? expected)
    {
        Assert.Equal(expected, Crg211In("[stacks/[AB]Stack.cs]\ndotnet_diagnostic.CRG211.severity = none\n", file));
    }

    [Fact]
    public void A_section_without_slash_matches_the_file_name_in_any_directory()
    {
        Assert.Equal(RuleSeverity.Info, Crg211In("[HomelabStack.cs]\ndotnet_diagnostic.CRG211.severity = suggestion\n", "stacks/deep/down/HomelabStack.cs"));
    }

    [Fact]
    public void An_editorconfig_below_the_root_true_one_still_applies_and_wins()
    {
        Directory.CreateDirectory(repo.Combine("stacks"));
        File.WriteAllText(repo.Combine("stacks", ".editorconfig"), "[*.cs]\ndotnet_diagnostic.CRG211.severity = suggestion\n");
        Assert.Equal(RuleSeverity.Info, Crg211In("[*.cs]\ndotnet_diagnostic.CRG211.severity = error\n", "stacks/HomelabStack.cs"));
    }
}
