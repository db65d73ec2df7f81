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

    [Fact]
    public void With_pulumi_on_PATH_preview_runs_it_for_the_stack_from_the_project_folder()
    {
        using var bin = new TempDir("fakepulumi");
        var log = bin.Combine("calls.txt");
        var script = bin.Combine("pulumi");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$(pwd) $*\" >> '{log}'\nexit 0\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (exit, err) = Run(bin.Path, "preview", "--stack", "local", "--json");
        Assert.True(exit == 0, err);
        Assert.Equal($"{RepoPaths.Root} preview --stack local --diff --json", File.ReadAllText(log).Trim());

        File.WriteAllText(script, "#!/bin/sh\nexit 255\n");
        Assert.Equal(1, Run(bin.Path, "up", "--stack", "local", "--yes").Exit); // a failed update (e.g. probe over budget)
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
