using ClusterRegistry.Cli;
using ClusterRegistry.Testing;
using Stacks;

namespace ClusterRegistry.Pulumi.Tests;

[Collection(ProcessEnvironment.Name)]
public sealed class PulumiVerbTests
{
    private static (int Exit, string Err) Run(string path, params string[] args)
    {
        var saved = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", path);
        try
        {
            var err = new StringWriter();
            var exit = CliApp.RunAsync(args, StackDirectory.Catalog, new StringWriter(), err).GetAwaiter().GetResult();
            return (exit, err.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", saved);
        }
    }

    [Theory]
    [InlineData("preview", "preview --stack homelab --diff")]
    [InlineData("up", "up --stack homelab --diff")]
    public void Without_pulumi_on_PATH_the_verbs_exit_2_and_print_what_would_run(string verb, string wouldRun)
    {
        using var empty = new TempDir("nopulumi");
        var (exit, err) = Run(empty.Path, verb, "--stack", "homelab");
        Assert.Equal(2, exit);
        Assert.Contains("pulumi CLI is not on PATH", err, StringComparison.Ordinal);
        Assert.Contains("pulumi " + wouldRun, err, StringComparison.Ordinal);
    }

    /// <summary>
    /// A stand-in <c>pulumi</c> on PATH: a test double of the Pulumi CLI, which cannot be installed here (it downloads
    /// itself and its plugins). It records the folder it runs in and the argv it gets, and exits with the given code.
    /// </summary>
    private static string FakePulumi(TempDir bin, int exitCode)
    {
        var log = bin.Combine("calls.txt");
        var script = bin.Combine("pulumi");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$(pwd) $*\" >> '{log}'\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return log;
    }

    [Theory]
    [InlineData(new[] { "preview", "--stack", "local" }, "preview --stack local --diff")]
    [InlineData(new[] { "preview", "--stack", "local", "--json" }, "preview --stack local --diff --json")]
    [InlineData(new[] { "up", "--stack", "homelab" }, "up --stack homelab --diff")]
    [InlineData(new[] { "up", "--stack", "homelab", "--yes" }, "up --stack homelab --diff --yes")]
    public void With_pulumi_on_PATH_the_verbs_run_it_for_the_stack_from_the_project_folder(string[] args, string expectedArgv)
    {
        using var bin = new TempDir("fakepulumi");
        var log = FakePulumi(bin, 0);
        var (exit, err) = Run(bin.Path, args);
        Assert.True(exit == 0, err);
        Assert.Equal($"{RepoPaths.Root} {expectedArgv}", File.ReadAllText(log).Trim());
        Assert.Contains("running: (cd " + RepoPaths.Root + " && pulumi " + expectedArgv + ")", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_pulumi_run_exits_1()
    {
        using var bin = new TempDir("fakepulumi");
        FakePulumi(bin, 255); // e.g. the probe over budget failed the update
        Assert.Equal(1, Run(bin.Path, "up", "--stack", "local", "--yes").Exit);
    }

    [Fact]
    public void An_unknown_stack_is_refused_before_pulumi_runs()
    {
        using var empty = new TempDir("nopulumi");
        var (exit, err) = Run(empty.Path, "up", "--stack", "prod");
        Assert.Equal(2, exit);
        Assert.Contains("known stacks: homelab, local", err, StringComparison.Ordinal);
        Assert.DoesNotContain("would run", err, StringComparison.Ordinal);
    }
}
