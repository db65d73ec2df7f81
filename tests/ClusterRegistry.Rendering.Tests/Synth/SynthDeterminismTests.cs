using System.Text;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Synth;

/// <summary>
/// Same stack, same bytes: twice in process into different folders, and through the stacks program started in
/// different working directories with relative --out paths. Secrets set in the environment the stacks read never
/// appear in a file, on stdout or on stderr.
/// </summary>
public sealed class SynthDeterminismTests
{
    private static readonly string[] SecretVariables = ["HARBOR_ADMIN_PASSWORD", "HARBOR_ROBOT_PASSWORD", "HARBOR_ROBOT_USERNAME"];

    [Theory]
    [InlineData("homelab")]
    [InlineData("local")]
    public async Task Two_in_process_runs_into_different_folders_are_byte_identical(string stack)
    {
        using var a = new TempDir("synth-a");
        using var b = new TempDir("synth-bb");
        var catalog = SynthTestStacks.Catalog();
        Assert.Equal(0, await Cli.CliApp.RunAsync(["synth", "--stack", stack, "--out", a.Combine("out")], catalog, TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, await Cli.CliApp.RunAsync(["synth", "--stack", stack, "--out", b.Combine("deeper", "out")], catalog, TextWriter.Null, TextWriter.Null));

        var first = TreeFiles.Read(a.Combine("out"));
        Assert.True(first.Count > 20);
        TreeFiles.AssertIdentical(first, TreeFiles.Read(b.Combine("deeper", "out")));
    }

    [Fact]
    public async Task Separate_processes_in_different_working_directories_with_secrets_set_write_identical_bytes_and_no_secret()
    {
        using var one = new TempDir("synth-cwd1");
        using var two = new TempDir("synth-cwd2-longer");
        var environment = SecretVariables.ToDictionary(v => v, v => (string?)(SynthTestStacks.Sentinel + "-" + v));

        var r1 = await StacksProgram.RunAsync(one.Path, environment, "synth", "--stack", "homelab", "--target", "all", "--out", "out");
        var r2 = await StacksProgram.RunAsync(two.Path, environment, "synth", "--stack", "homelab", "--target", "all", "--out", "out");
        Assert.True(r1.ExitCode == 0, r1.StandardError);
        Assert.True(r2.ExitCode == 0, r2.StandardError);

        var first = TreeFiles.Read(one.Combine("out"));
        TreeFiles.AssertIdentical(first, TreeFiles.Read(two.Combine("out")));

        // And identical to the in-process rendering (no dependence on the host process or its environment).
        var inProcess = Synthesizer.Synthesize(Homelab.Build(), SynthTarget.All);
        Assert.Equal(inProcess.Keys, first.Keys);
        Assert.All(inProcess, f => Assert.Equal(f.Value, Encoding.UTF8.GetString(first[f.Key])));

        foreach (var (path, bytes) in first)
        {
            Assert.False(Encoding.UTF8.GetString(bytes).Contains(SynthTestStacks.Sentinel, StringComparison.Ordinal), $"secret value in {path}");
        }

        foreach (var r in new[] { r1, r2 })
        {
            Assert.DoesNotContain(SynthTestStacks.Sentinel, r.StandardOutput);
            Assert.DoesNotContain(SynthTestStacks.Sentinel, r.StandardError);
        }

        // The placeholders are what stands in for them.
        Assert.Contains("${HARBOR_ROBOT_PASSWORD}", Encoding.UTF8.GetString(first["gitops/talos/patches/global/machine-network.yaml"]));
    }

    [Fact]
    public async Task Secrets_in_the_environment_do_not_leak_into_the_error_of_a_bad_stack()
    {
        using var temp = new TempDir("synth-secret-bad");
        var environment = SecretVariables.ToDictionary(v => v, v => (string?)SynthTestStacks.Sentinel);
        // The stacks program knows only homelab and local; an unknown stack is its bad-input path.
        var r = await StacksProgram.RunAsync(temp.Path, environment, "synth", "--stack", "nope", "--out", "out");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown stack 'nope'", r.StandardError);
        Assert.DoesNotContain(SynthTestStacks.Sentinel, r.StandardOutput + r.StandardError);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public void Rendering_twice_in_one_process_gives_equal_trees_for_every_target()
    {
        foreach (var target in new[] { SynthTarget.GitOps, SynthTarget.Node, SynthTarget.All })
        {
            var a = Synthesizer.Synthesize(Homelab.Build(), target);
            var b = Synthesizer.Synthesize(Homelab.Build(), target);
            Assert.Equal(a.ToList(), b.ToList());
        }
    }
}
