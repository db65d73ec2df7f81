using System.Text.Json;
using ClusterRegistry.Cli;
using ClusterRegistry.Harbor;
using ClusterRegistry.Rules.Tests.BrokenStacks;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rules.Tests.Check;

public sealed class CheckVerbTests
{
    private static StackCatalog Catalog()
    {
        var c = BrokenStackCatalog.Catalog();
        c.Add("homelab", () => new Stacks.HomelabStack());
        c.Add("duplicate", () => new DuplicateNamesStack());
        return c;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, Catalog(), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Clean_stack_exits_0()
    {
        var (exit, stdout, _) = await Run("check", "--stack", "homelab");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("stack 'homelab': no findings", stdout);
    }

    [Fact]
    public async Task Error_findings_exit_1_and_text_names_file_line_rule_and_values()
    {
        var (exit, stdout, _) = await Run("check", "--stack", "seed");
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Matches(@"tests/ClusterRegistry.Rules.Tests/BrokenStacks/SeedRunbookStack\.cs\(\d+\): error CRG105: SpegelRelease 'spegel' ContainerdRegistryConfigPath: ", stdout);
        Assert.Contains("warning CRG211: TalosMachinePatch 'machine-network' Mirrors[\"192.168.1.105\"]", stdout);
        Assert.Contains("stack 'seed': 2 error(s), 1 warning(s), 0 info(s)", stdout);
    }

    [Fact]
    public async Task Warnings_only_exit_0()
    {
        var (exit, stdout, _) = await Run("check", "--stack", "broken-unpinnedclusterip");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("warning CRG203", stdout);
    }

    [Theory]
    [InlineData("check", "--stack", "nope")]
    [InlineData("check", "--stack", "homelab", "--format", "xml")]
    [InlineData("check", "--stack", "homelab", "--bogus", "1")]
    [InlineData("check")]
    public async Task Bad_input_exits_2(params string[] args)
    {
        Environment.SetEnvironmentVariable("PULUMI_STACK", null);
        var (exit, _, stderr) = await Run(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error: ", stderr);
    }

    [Fact]
    public async Task Duplicate_names_are_bad_input_naming_crg002()
    {
        var (exit, _, stderr) = await Run("check", "--stack", "duplicate");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("CRG002", stderr);
        Assert.Contains("'harbor'", stderr);
    }

    [Fact]
    public async Task Json_lists_findings_with_fix_data()
    {
        var (exit, stdout, _) = await Run("check", "--stack", "broken-nohostentry", "--format", "json");
        Assert.Equal(ExitCodes.Findings, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("broken-nohostentry", doc.RootElement.GetProperty("stack").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
        var f = doc.RootElement.GetProperty("findings")[0];
        Assert.Equal("CRG201", f.GetProperty("id").GetString());
        Assert.Equal("error", f.GetProperty("severity").GetString());
        Assert.Equal("Mirrors[\"192.168.1.105\"].Endpoints[0]", f.GetProperty("property").GetString());
        Assert.Equal("10.43.216.243", f.GetProperty("fix").GetProperty("ip").GetString());
        Assert.Equal("tests/ClusterRegistry.Rules.Tests/BrokenStacks/NoHostEntryStack.cs", f.GetProperty("file").GetString());
    }

    [Fact]
    public async Task Output_is_deterministic()
    {
        var a = await Run("check", "--stack", "seed", "--format", "sarif");
        var b = await Run("check", "--stack", "seed", "--format", "sarif");
        Assert.Equal(a.Out, b.Out);
        Assert.DoesNotContain("\r", a.Out);
    }

    [Fact]
    public async Task Out_writes_the_report_to_a_file()
    {
        using var dir = new TempDir();
        var path = dir.Combine("check.sarif");
        var (exit, stdout, _) = await Run("check", "--stack", "seed", "--format", "sarif", "--out", path);
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Equal("", stdout);
        SarifShape.AssertValid(File.ReadAllText(path), expectedResults: 3);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task Sarif_is_structurally_valid_for_every_broken_stack()
    {
        foreach (var type in BrokenStackCatalog.Types)
        {
            var name = BrokenStackCatalog.Build(type).Name;
            var (_, stdout, _) = await Run("check", "--stack", name, "--format", "sarif");
            SarifShape.AssertValid(stdout, expectedResults: null);
        }

        var clean = await Run("check", "--stack", "homelab", "--format", "sarif");
        SarifShape.AssertValid(clean.Out, expectedResults: 0);
    }

    private sealed class DuplicateNamesStack : Stack
    {
        public DuplicateNamesStack() : base("duplicate")
        {
            new HarborRegistry("harbor", new HarborArgs());
            new HarborRegistry("harbor", new HarborArgs());
        }
    }
}
