using System.CommandLine;
using ClusterRegistry.Cli;
using ClusterRegistry.Cli.Parsing;
using Stacks;

namespace ClusterRegistry.Cli.Tests;

/// <summary>
/// Every verb and sub-verb answers <c>--help</c> with exit 0, its options and the meaning of its exit codes; and every
/// flag name the CLI had before System.CommandLine is still there (scripts, Pulumi.yaml and sandbox.sh use them).
/// </summary>
public sealed class HelpTests
{
    /// <summary>The verbs and sub-verbs, each with the flags it has always had.</summary>
    public static TheoryData<string, string> VerbsAndTheirFlags => new()
    {
        { "synth", "stack target out" },
        { "check", "stack repo env format out config-root" },
        { "compile", "stack out config-root" },
        { "diff", "stack base format out project" },
        { "doctor", "stack node root talosctl talosctl-path format" },
        { "import", "repo out class stack namespace env" },
        { "preview", "stack json" },
        { "up", "stack yes" },
        { "sandbox apply", "stack node root" },
        {
            "probe",
            "image via budget timeout json socket username username-env password-env password-stdin plain-http insecure endpoint platform " +
            "parallel node history no-history stack probe kubeconfig namespace nodes warm"
        },
        { "probe history", "history image node via limit json" },
        { "probe report", "history image node via limit out" },
        { "completion bash", "name" },
    };

    [Theory]
    [MemberData(nameof(VerbsAndTheirFlags))]
    public async Task Help_lists_every_flag_and_the_exit_codes(string verb, string flags)
    {
        var (exit, output, err) = await Cli.RunAsync([.. verb.Split(' '), "--help"]);
        Assert.True(exit == ExitCodes.Ok, err);
        Assert.Empty(err);
        Assert.Contains("Usage:", output);
        Assert.Contains($" {verb} ", output); // the usage line names the verb as typed
        var options = OptionsSection(output);
        foreach (var flag in flags.Split(' '))
        {
            Assert.Contains("--" + flag, options);
        }

        var codes = ExitCodesSection(output);
        Assert.Contains(codes, l => l.StartsWith("0 ", StringComparison.Ordinal));
        Assert.Contains(codes, l => l.StartsWith("2 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verbs_that_find_problems_explain_exit_1()
    {
        foreach (var verb in new[] { "check", "compile", "diff", "doctor", "probe", "preview", "up" })
        {
            var (_, output, _) = await Cli.RunAsync(verb, "--help");
            Assert.Contains(ExitCodesSection(output), l => l.StartsWith("1 ", StringComparison.Ordinal));
        }

        var (_, synth, _) = await Cli.RunAsync("synth", "--help");
        Assert.DoesNotContain(ExitCodesSection(synth), l => l.StartsWith("1 ", StringComparison.Ordinal));
    }

    /// <summary>The table above is complete: a new verb or sub-verb must be added to it (and so gets its help tested).</summary>
    [Fact]
    public void The_table_covers_every_verb_and_sub_verb()
    {
#pragma warning disable IL2026
        var root = CliApp.CreateRootCommand(new VerbContext { Catalog = StackDirectory.Catalog }, CliApp.Verbs);
#pragma warning restore IL2026
        var actionable = Walk(root, "").Where(p => p.Command.Action is not null).Select(p => p.Path).Order(StringComparer.Ordinal);
        var table = VerbsAndTheirFlags.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        Assert.Equal(table, actionable);
        Assert.All(Walk(root, ""), p => Assert.IsType<VerbCommand>(p.Command));

        static IEnumerable<(string Path, Command Command)> Walk(Command command, string prefix) =>
            command.Subcommands.SelectMany(c => Walk(c, prefix + c.Name + " ").Prepend((prefix + c.Name, c)));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task The_program_help_lists_the_verbs_and_the_exit_code_contract(string ask)
    {
        var (exit, output, _) = await Cli.RunAsync(ask);
        Assert.Equal(ExitCodes.Ok, exit);
        foreach (var verb in new[] { "synth", "check", "compile", "diff", "doctor", "import", "probe", "preview", "up", "sandbox", "completion" })
        {
            Assert.Contains($"\n  {verb} ", output);
        }

        Assert.Equal(3, ExitCodesSection(output).Length);
        Assert.Contains("homelab, local", output); // the stacks of this program
    }

    [Fact]
    public async Task Help_VERB_is_VERB_help()
    {
        var viaHelp = await Cli.RunAsync("help", "probe", "report");
        var viaOption = await Cli.RunAsync("probe", "report", "--help");
        Assert.Equal(ExitCodes.Ok, viaHelp.Exit);
        Assert.Equal(viaOption.Out, viaHelp.Out);
        Assert.Contains("--out", viaHelp.Out);
    }

    [Theory]
    [InlineData("sandbox", "apply")]
    [InlineData("completion", "bash")]
    public async Task A_verb_made_of_sub_verbs_lists_them(string verb, string subVerb)
    {
        var (exit, output, _) = await Cli.RunAsync(verb, "--help");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains($"\n  {subVerb} ", Section(output, "Commands:").Prepend('\n').Aggregate("", (a, c) => a + c));
        Assert.NotEmpty(ExitCodesSection(output));

        var (missing, _, err) = await Cli.RunAsync(verb);
        Cli.AssertOneErrorLine(missing, err);
    }

    [Fact]
    public async Task No_verb_prints_the_help_but_exits_2()
    {
        var (exit, output, _) = await Cli.RunAsync();
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Commands:", output);
    }

    [Fact]
    public async Task Help_wins_over_a_missing_required_option()
    {
        var (exit, output, err) = await Cli.RunAsync("import", "--help"); // --repo and --out are required
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(err);
        Assert.Contains("--repo", output);
    }

    private static string OptionsSection(string help) => Section(help, "Options:");

    private static string[] ExitCodesSection(string help) =>
        Section(help, "Exit codes:").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Section(string help, string heading)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == heading);
        Assert.True(start >= 0, $"no '{heading}' in:\n{help}");
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => l.Trim().Length > 0));
    }
}
