using ClusterRegistry.Cli;
using ClusterRegistry.Testing;
using GateFixtures;

namespace ClusterRegistry.Pulumi.Tests.Gate;

/// <summary>
/// The compiler's gate, in process: the rules on the real values (here a value from the Pulumi stack configuration
/// the analyzer cannot see), error findings on stderr and nothing on stdout, the team's severity configuration, and
/// the preview/up wrappers refusing before pulumi starts.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class CompileGateTests
{
    private static readonly StackCatalog Catalog = new StackCatalog().Add(ConfiguredPrependStack.StackName, () => new ConfiguredPrependStack());

    private static (int Exit, string Out, string Err) Run(string? prependExisting, params string[] args)
    {
        var saved = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", prependExisting is null ? null : $$"""{"clusterregistry:spegelPrependExisting":"{{prependExisting}}","harbor:url":"http://127.0.0.105"}""");
        try
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            var exit = CliApp.RunAsync(args, Catalog, stdout, stderr).GetAwaiter().GetResult();
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", saved);
        }
    }

    private static string Program(bool prependExisting)
    {
        var saved = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", $$"""{"clusterregistry:spegelPrependExisting":"{{(prependExisting ? "true" : "false")}}"}""");
        try
        {
            return new PulumiProgramEmitter().Emit(Stack.Build(() => new ConfiguredPrependStack())).ToJson();
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", saved);
        }
    }

    [Fact]
    public void A_false_PrependExisting_from_the_stack_configuration_exits_1_with_CRG102_on_stderr_and_nothing_on_stdout()
    {
        using var noConfig = new TempDir("gate");
        var (exit, stdout, stderr) = Run("false", "compile", "--stack", ConfiguredPrependStack.StackName, "--config-root", noConfig.Path);
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        // ID, resource, property and message, compiler style, as Pulumi prints the failed compiler's stderr.
        Assert.Matches(@"error CRG102: \w+ 'spegel' PrependExisting: Spegel mirrors 127\.0\.0\.105.*PrependExisting is false", stderr);
        Assert.Contains("stack 'edge' has 1 error finding(s) (CRG102)", stderr, StringComparison.Ordinal);
        Assert.Contains("dotnet_diagnostic.<ID>.severity", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_stack_with_PrependExisting_true_prints_its_program_and_exits_0()
    {
        using var noConfig = new TempDir("gate");
        var (exit, stdout, stderr) = Run("true", "compile", "--stack", ConfiguredPrependStack.StackName, "--config-root", noConfig.Path);
        Assert.True(exit == 0, stderr);
        Assert.Equal(Program(prependExisting: true), stdout);
        Assert.DoesNotContain("CRG", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CRG102.severity = warning\n")]
    [InlineData(".globalconfig", "is_global = true\ndotnet_diagnostic.CRG102.severity = warning\n")]
    public void A_team_that_lowers_the_rule_gets_the_program_and_a_warning(string file, string content)
    {
        using var config = new TempDir("gate");
        File.WriteAllText(config.Combine(file), content);
        var (exit, stdout, stderr) = Run("false", "compile", "--stack", ConfiguredPrependStack.StackName, "--config-root", config.Path);
        Assert.True(exit == 0, stderr);
        Assert.Equal(Program(prependExisting: false), stdout);
        Assert.Contains("warning CRG102:", stderr, StringComparison.Ordinal);
        Assert.Contains("1 warning(s), not blocking", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_set_to_none_is_not_reported_at_all()
    {
        using var config = new TempDir("gate");
        File.WriteAllText(config.Combine(".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.CRG102.severity = none\n");
        var (exit, stdout, stderr) = Run("false", "compile", "--stack", ConfiguredPrependStack.StackName, "--config-root", config.Path);
        Assert.True(exit == 0, stderr);
        Assert.Equal(Program(prependExisting: false), stdout);
        Assert.DoesNotContain("CRG102", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void With_out_the_snapshot_is_still_written_for_diff_but_the_exit_code_refuses()
    {
        using var noConfig = new TempDir("gate");
        using var dir = new TempDir("gate-out");
        var (exit, stdout, stderr) = Run("false", "compile", "--stack", ConfiguredPrependStack.StackName, "--config-root", noConfig.Path, "--out", dir.Path + "/");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("error CRG102:", stderr, StringComparison.Ordinal);
        Assert.Equal(Program(prependExisting: false), File.ReadAllText(dir.Combine("edge.json")));
        Assert.Contains("CRG102", File.ReadAllText(dir.Combine("edge.findings.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_listing_without_a_stack_is_not_gated()
    {
        var (exit, stdout, stderr) = Run("false", "compile");
        Assert.True(exit == 0, stderr);
        Assert.Contains("pulumi:providers:", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("up")]
    public void The_preview_and_up_wrappers_refuse_before_pulumi_starts(string verb)
    {
        using var bin = new TempDir("fakepulumi");
        var calls = bin.Combine("calls.txt");
        var script = bin.Combine("pulumi");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$*\" >> '{calls}'\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var savedPath = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", bin.Path);
        try
        {
            var refused = Run("false", verb, "--stack", ConfiguredPrependStack.StackName);
            Assert.Equal(1, refused.Exit);
            Assert.Contains("error CRG102:", refused.Err, StringComparison.Ordinal);
            Assert.Contains($"{verb}: stack 'edge' has 1 error finding(s)", refused.Err, StringComparison.Ordinal);
            Assert.False(File.Exists(calls), "pulumi ran although the gate refused");

            var sound = Run("true", verb, "--stack", ConfiguredPrependStack.StackName);
            Assert.True(sound.Exit == 0, sound.Err);
            Assert.Equal($"{verb} --stack edge --diff", File.ReadAllText(calls).Trim());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", savedPath);
        }
    }
}
