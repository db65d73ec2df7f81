using System.Diagnostics;
using ClusterRegistry.Cli;
using ClusterRegistry.Cli.Completion;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Cli.Tests;

/// <summary>
/// Shell completion: System.CommandLine's <c>[suggest:POSITION]</c> directive lists the verbs, a verb's options, the values
/// of choice options and the program's stacks; the script of <c>completion bash</c>, run by a real bash against the real
/// stacks program, completes through it.
/// </summary>
public sealed class CompletionTests
{
    private static async Task<string[]> SuggestAsync(string line)
    {
        var (exit, output, err) = await Cli.RunAsync($"[suggest:{line.Length}]", line);
        Assert.True(exit == ExitCodes.Ok, err);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public async Task The_directive_lists_the_verbs()
    {
        var all = await SuggestAsync("");
        Assert.Superset(new HashSet<string> { "synth", "check", "compile", "diff", "doctor", "import", "probe", "preview", "up", "sandbox", "completion" }, all.ToHashSet());
        Assert.Equal(["compile", "completion"], await SuggestAsync("co")); // System.CommandLine matches by "contains"; bash filters by prefix
    }

    [Fact]
    public async Task The_directive_lists_a_verbs_options_and_sub_verbs()
    {
        Assert.Superset(new HashSet<string> { "--stack", "--target", "--out" }, (await SuggestAsync("synth --")).ToHashSet());
        Assert.Superset(new HashSet<string> { "history", "report", "--via", "--budget", "--no-history" }, (await SuggestAsync("probe ")).ToHashSet());
        Assert.Equal(["--limit"], await SuggestAsync("probe history --li"));
    }

    [Fact]
    public async Task The_directive_lists_choice_values_and_the_stacks()
    {
        Assert.Equal(["json", "sarif", "text"], await SuggestAsync("check --format "));
        Assert.Equal(["cri", "kubernetes", "registry"], await SuggestAsync("probe --via "));
        Assert.Equal(["homelab", "local"], await SuggestAsync("synth --stack "));
    }

    /// <summary>The bash script, sourced by bash, with bash's completion variables set as bash sets them on TAB.</summary>
    [Theory]
    [InlineData("stacks syn", "synth")]
    [InlineData("stacks synth --ta", "--target")]
    [InlineData("stacks check --format sa", "sarif")]
    [InlineData("stacks probe history --js", "--json")]
    [InlineData("stacks doctor --stack h", "homelab")]
    public async Task The_bash_script_completes_through_the_program(string line, string expected)
    {
        var program = StacksAppHost();
        using var temp = new TempDir("completion");
        var script = temp.Combine("stacks.bash");
        File.WriteAllText(script, BashCompletionScript.For("stacks"));
        var typed = program + line["stacks".Length..];
        var words = typed.Split(' ');
        var driver = $$"""
            source '{{script}}'
            complete -p stacks >&2
            COMP_LINE='{{typed}}'
            COMP_POINT=${#COMP_LINE}
            COMP_WORDS=({{string.Join(' ', words.Select(w => "'" + w + "'"))}})
            COMP_CWORD={{words.Length - 1}}
            _clusterregistry_complete_stacks
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var (exit, stdout, stderr) = await RunBashAsync(driver);
        Assert.True(exit == 0, stderr);
        Assert.Contains("-F _clusterregistry_complete_stacks stacks", stderr);
        Assert.Equal([expected], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_completion_verb_prints_the_script_for_the_named_command()
    {
        var (exit, output, _) = await Cli.RunAsync("completion", "bash", "--name", "clusterregistry");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(BashCompletionScript.For("clusterregistry"), output);
        Assert.EndsWith("complete -o default -F _clusterregistry_complete_clusterregistry clusterregistry\n", output);
    }

    /// <summary>The stacks program's apphost, built by this project's reference in the same configuration.</summary>
    private static string StacksAppHost()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var path = Path.Combine(RepoPaths.Root, "stacks", "bin", tfm.Parent!.Name, tfm.Name, "stacks");
        return File.Exists(path) ? path : throw new FileNotFoundException("the stacks program is not built (this project references it)", path);
    }

    private static async Task<(int Exit, string Out, string Err)> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
