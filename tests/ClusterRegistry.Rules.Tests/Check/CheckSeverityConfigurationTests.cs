using ClusterRegistry.Cli;
using ClusterRegistry.Rules.Tests.BrokenStacks;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rules.Tests.Check;

/// <summary>
/// check honours the same .editorconfig/.globalconfig severities as the analyzers, so the CI gate and the IDE agree.
/// The seed stack fires CRG105 (error), CRG106 (error) and CRG211 (warning) by default.
/// </summary>
public sealed class CheckSeverityConfigurationTests : IDisposable
{
    private const string SeedFileDir = "tests/ClusterRegistry.Rules.Tests/BrokenStacks";
    private readonly TempDir repo = new("check-severity");

    public void Dispose() => repo.Dispose();

    private void Write(string relativePath, string text)
    {
        var path = repo.Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private async Task<(int Exit, string Out)> Check()
    {
        var stdout = new StringWriter();
        var exit = await CliApp.RunAsync(["check", "--stack", "seed", "--config-root", repo.Path], BrokenStackCatalog.Catalog(), stdout, new StringWriter());
        return (exit, stdout.ToString());
    }

    [Fact]
    public async Task Without_configuration_the_defaults_apply()
    {
        var (exit, stdout) = await Check();
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("stack 'seed': 2 error(s), 1 warning(s), 0 info(s)", stdout);
    }

    [Fact]
    public async Task Editorconfig_can_silence_and_promote_rules()
    {
        Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CRG105.severity = none\ndotnet_diagnostic.CRG106.severity = suggestion\ndotnet_diagnostic.CRG211.severity = error\n");
        var (exit, stdout) = await Check();
        Assert.DoesNotContain("CRG105", stdout);
        Assert.Contains("info CRG106", stdout);
        Assert.Contains("error CRG211", stdout);
        Assert.Contains("stack 'seed': 1 error(s), 0 warning(s), 1 info(s)", stdout);
        Assert.Equal(ExitCodes.Findings, exit);
    }

    [Fact]
    public async Task Demoting_every_error_makes_the_gate_pass()
    {
        Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CRG105.severity = warning\ndotnet_diagnostic.CRG106.severity = warning\n");
        var (exit, stdout) = await Check();
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("stack 'seed': 0 error(s), 3 warning(s), 0 info(s)", stdout);
    }

    [Fact]
    public async Task Nearest_editorconfig_wins_and_beats_globalconfig()
    {
        Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CRG211.severity = none\n");
        Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.CRG211.severity = suggestion\n");
        Write(SeedFileDir + "/.editorconfig", "[*.cs]\ndotnet_diagnostic.CRG211.severity = error\n");
        var (_, stdout) = await Check();
        Assert.Contains("error CRG211", stdout);
    }

    [Fact]
    public async Task Sections_apply_only_to_the_files_they_match()
    {
        Write(".editorconfig", "root = true\n[stacks/**.cs]\ndotnet_diagnostic.CRG211.severity = none\n[*.{cs,vb}]\ndotnet_diagnostic.CRG105.severity = none\n");
        var (_, stdout) = await Check();
        Assert.Contains("warning CRG211", stdout); // the seed stack is not under stacks/
        Assert.DoesNotContain("CRG105", stdout);
    }

    [Fact]
    public async Task All_analyzer_diagnostics_key_applies_when_no_rule_key_does()
    {
        Write(".editorconfig", "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.severity = suggestion\ndotnet_diagnostic.CRG105.severity = error\n");
        var (_, stdout) = await Check();
        Assert.Contains("error CRG105", stdout);
        Assert.Contains("info CRG106", stdout);
        Assert.Contains("info CRG211", stdout);
    }

    [Fact]
    public async Task Severity_configuration_reaches_sarif_levels()
    {
        Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.CRG211.severity = error\n");
        var stdout = new StringWriter();
        await CliApp.RunAsync(["check", "--stack", "seed", "--format", "sarif", "--config-root", repo.Path], BrokenStackCatalog.Catalog(), stdout, new StringWriter());
        using var sarif = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        var levels = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("ruleId").GetString()!, r => r.GetProperty("level").GetString());
        Assert.Equal("error", levels["CRG211"]);
    }

    // Roslyn's reader (AnalyzerConfigSet) gives check the compiler's semantics; each feature below was misread or
    // unsupported by a hand-written parser.

    [Fact]
    public async Task Brace_alternatives_match_the_stack_file_by_name()
    {
        Write(".editorconfig", "root = true\n[{OtherStack,SeedRunbookStack}.cs]\ndotnet_diagnostic.CRG211.severity = error\n[{OtherStack,Nothing}.cs]\ndotnet_diagnostic.CRG105.severity = none\n");
        var (_, stdout) = await Check();
        Assert.Contains("error CRG211", stdout);
        Assert.Contains("error CRG105", stdout); // the second section names neither the seed file nor matches it
    }

    [Fact]
    public async Task An_editorconfig_marked_is_global_applies_its_top_level_keys_everywhere()
    {
        Write(".editorconfig", "is_global = true\ndotnet_diagnostic.CRG211.severity = error\n");
        var (_, stdout) = await Check();
        Assert.Contains("error CRG211", stdout);
    }

    [Fact]
    public async Task Top_level_keys_of_a_plain_editorconfig_apply_nowhere()
    {
        Write(".editorconfig", "root = true\ndotnet_diagnostic.CRG211.severity = error\n");
        var (_, stdout) = await Check();
        Assert.Contains("warning CRG211", stdout);
    }

    [Fact]
    public async Task The_global_config_with_the_higher_global_level_wins()
    {
        Write(".globalconfig", "is_global = true\nglobal_level = 1\ndotnet_diagnostic.CRG211.severity = error\n");
        Write(SeedFileDir + "/.editorconfig", "is_global = true\nglobal_level = 7\ndotnet_diagnostic.CRG211.severity = suggestion\n");
        var (_, stdout) = await Check();
        Assert.Contains("info CRG211", stdout);
    }

    [Fact]
    public async Task Global_configs_that_conflict_at_the_same_level_unset_the_key_as_the_compiler_does()
    {
        Write(".globalconfig", "is_global = true\nglobal_level = 5\ndotnet_diagnostic.CRG211.severity = error\n");
        Write(SeedFileDir + "/.editorconfig", "is_global = true\nglobal_level = 5\ndotnet_diagnostic.CRG211.severity = none\n");
        var (_, stdout) = await Check();
        Assert.Contains("warning CRG211", stdout); // neither value: the rule's default
    }

    [Fact]
    public async Task Category_key_applies_before_the_all_analyzers_key()
    {
        Write(".editorconfig", "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-Spegel.severity = suggestion\n");
        var (_, stdout) = await Check();
        Assert.Contains("info CRG105", stdout);   // Spegel
        Assert.Contains("info CRG106", stdout);   // Spegel
        Assert.Contains("error CRG211", stdout);  // Talos: only the all-analyzers key applies
    }

    [Fact]
    public async Task A_rule_key_in_a_global_config_beats_a_category_key_in_an_editorconfig()
    {
        Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CRG105.severity = warning\n");
        Write(".editorconfig", "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.category-Spegel.severity = none\n");
        var (_, stdout) = await Check();
        Assert.Contains("warning CRG105", stdout);
        Assert.DoesNotContain("CRG106", stdout);
    }

    [Fact]
    public async Task Missing_config_root_is_bad_input()
    {
        var exit = await CliApp.RunAsync(["check", "--stack", "seed", "--config-root", repo.Combine("nope")], BrokenStackCatalog.Catalog(), new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.BadInput, exit);
    }
}
