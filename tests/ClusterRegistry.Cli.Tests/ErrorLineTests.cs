using ClusterRegistry.Cli;

namespace ClusterRegistry.Cli.Tests;

/// <summary>
/// Bad input through System.CommandLine keeps the CLI's contract: exit 2, one <c>error:</c> line naming the option (or
/// verb) and the value, and for a misspelling the name it was probably meant to be — before any work is done.
/// </summary>
public sealed class ErrorLineTests
{
    [Theory]
    [InlineData("--stak", "--stack", "synth", "--stak", "local", "--out", "x")]
    [InlineData("--fromat", "--format", "check", "--stack", "local", "--fromat", "json")]
    [InlineData("--confg-root", "--config-root", "compile", "--confg-root", ".")]
    [InlineData("--bse", "--base", "diff", "--stack", "local", "--bse", "main")]
    [InlineData("--talosctl-pth", "--talosctl-path", "doctor", "--node", "1.2.3.4", "--talosctl", "--talosctl-pth", "/bin/t")]
    [InlineData("--nmespace", "--namespace", "import", "--repo", ".", "--out", "a.cs", "--nmespace", "X")]
    [InlineData("--ys", "--yes", "up", "--stack", "local", "--ys")]
    [InlineData("--jsn", "--json", "probe", "127.0.0.1:1/app:v1", "--jsn")]
    [InlineData("--limt", "--limit", "probe", "history", "--limt", "3")]
    [InlineData("--rot", "--root", "sandbox", "apply", "--rot", "/tmp/x")]
    public async Task A_misspelled_option_is_named_with_a_suggestion(string typo, string meant, params string[] args)
    {
        var (exit, output, err) = await Cli.RunAsync(args);
        var line = Cli.AssertOneErrorLine(exit, err);
        Assert.Contains($"unknown option '{typo}'", line);
        Assert.Contains($"did you mean {meant}", line);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_misspelled_option_that_looks_like_an_image_is_not_pulled()
    {
        // probe takes an IMAGE positional; an unknown --option must not become the image.
        var (exit, _, err) = await Cli.RunAsync("probe", "--no-histroy", "127.0.0.1:1/app:v1");
        var line = Cli.AssertOneErrorLine(exit, err);
        Assert.Contains("unknown option '--no-histroy' for probe; did you mean --no-history", line);
    }

    [Fact]
    public async Task An_unknown_verb_is_named_with_a_suggestion()
    {
        var (exit, _, err) = await Cli.RunAsync("sytnh", "--stack", "local");
        var line = Cli.AssertOneErrorLine(exit, err);
        Assert.Contains("unknown verb 'sytnh'; did you mean synth?", line);
    }

    [Fact]
    public async Task An_unknown_verb_far_from_any_gets_no_guess()
    {
        var (exit, _, err) = await Cli.RunAsync("frobnicate");
        var line = Cli.AssertOneErrorLine(exit, err);
        Assert.Contains("unknown verb 'frobnicate'", line);
        Assert.DoesNotContain("did you mean", line);
    }

    [Theory]
    [InlineData("--format 'xml' is not one of text, json, sarif", "check", "--stack", "local", "--format", "xml")]
    [InlineData("--format 'html' is not one of text, markdown, json", "diff", "--stack", "local", "--base", "x", "--format", "html")]
    [InlineData("--target 'everything' is not one of all, gitops, node", "synth", "--stack", "local", "--target", "everything", "--out", "x")]
    [InlineData("--limit '0' is not a positive integer", "probe", "history", "--limit", "0")]
    [InlineData("--limit 'ten' is not a positive integer", "probe", "report", "--limit", "ten", "--out", "r.png")]
    [InlineData("--parallel '-1' is not a positive integer", "probe", "127.0.0.1:1/app:v1", "--parallel", "-1")]
    [InlineData("--budget 'soon' is not a positive duration", "probe", "127.0.0.1:1/app:v1", "--budget", "soon")]
    [InlineData("--via 'ssh' is not one of registry, cri, kubernetes", "probe", "127.0.0.1:1/app:v1", "--via", "ssh")]
    [InlineData("--endpoint 'ftp://x' is not an http(s) URL", "probe", "127.0.0.1:1/app:v1", "--endpoint", "ftp://x")]
    [InlineData("--repo '/nonexistent/repo' is not a directory", "check", "--repo", "/nonexistent/repo")]
    [InlineData("--config-root '/nonexistent/cfg' is not a directory", "compile", "--config-root", "/nonexistent/cfg")]
    [InlineData("--out 'Stack.txt' must name a .cs file", "import", "--repo", ".", "--out", "Stack.txt")]
    [InlineData("--class 'my-stack' is not a C# identifier", "import", "--repo", ".", "--out", "S.cs", "--class", "my-stack")]
    [InlineData("--repo and --stack cannot be used together", "check", "--repo", ".", "--stack", "local")]
    [InlineData("pass exactly one of --root DIR", "doctor", "--stack", "local", "--node", "1.2.3.4")]
    [InlineData("--out", "probe", "report")] // required
    public async Task A_bad_value_is_one_line_naming_the_option_and_the_value(string expected, params string[] args)
    {
        var (exit, output, err) = await Cli.RunAsync(args);
        var line = Cli.AssertOneErrorLine(exit, err);
        Assert.Contains(expected, line);
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_unknown_stack_still_lists_the_known_ones()
    {
        var (exit, _, err) = await Cli.RunAsync("synth", "--stack", "nope", "--out", Path.Combine(Path.GetTempPath(), "never-written-" + Guid.NewGuid()));
        var line = Cli.AssertOneErrorLine(exit, err);
        Assert.Contains("unknown stack 'nope'; known stacks: homelab, local", line);
    }

    [Fact]
    public async Task A_value_starting_with_at_is_a_value_not_a_response_file()
    {
        // Response files are off: "@local" is the stack's name as typed, not a file named "local" to read arguments from.
        var (exit, _, err) = await Cli.RunAsync("synth", "--stack", "@local", "--out", Path.Combine(Path.GetTempPath(), "never-written-" + Guid.NewGuid()));
        var line = Cli.AssertOneErrorLine(exit, err);
        Assert.Contains("unknown stack '@local'", line);
    }
}
