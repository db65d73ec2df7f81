using System.Diagnostics;
using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Tests.Validation;
using Stacks;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>The compiler verb as Pulumi runs it: the built stacks program in a child process, the stack in PULUMI_STACK.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class CompilerVerbTests
{
    private static (int Exit, string Out, string Err) RunStacks(string? pulumiStack, params string[] args) => RunStacks(pulumiStack, false, args);

    private static (int Exit, string Out, string Err) RunStacks(string? pulumiStack, bool benchStacks, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "stacks.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("PULUMI_STACK");
        if (pulumiStack is not null)
        {
            psi.Environment["PULUMI_STACK"] = pulumiStack;
        }

        psi.Environment["HARBOR_ADMIN_PASSWORD"] = TestStacks.Sentinel;
        psi.Environment.Remove(BenchStack.EnableVariable);
        if (benchStacks)
        {
            psi.Environment[BenchStack.EnableVariable] = "1";
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "the compiler did not finish in 60 s");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void PULUMI_STACK_selects_the_program_and_it_matches_the_emitter()
    {
        var (exit, stdout, stderr) = RunStacks("homelab", "compile");
        Assert.True(exit == 0, stderr);
        Assert.Equal(new PulumiProgramEmitter().Emit(StackDirectory.Catalog.Build("homelab")).ToJson(), stdout);
        Assert.DoesNotContain(TestStacks.Sentinel, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fully_qualified_stack_name_is_accepted()
    {
        var (exit, stdout, _) = RunStacks("my-org/clusterregistry/local", "compile");
        Assert.Equal(0, exit);
        Assert.Contains("\"probe-pull-latency\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_PULUMI_STACK_it_exits_0_with_a_program_needing_the_same_packages()
    {
        var (exit, stdout, stderr) = RunStacks(null, "compile");
        Assert.True(exit == 0, stderr);
        var listing = JsonNode.Parse(stdout)!["resources"]!.AsObject();
        Assert.All(listing, r => Assert.StartsWith("pulumi:providers:", (string)r.Value!["type"]!, StringComparison.Ordinal));
        Assert.Empty(ProgramValidator.Validate(JsonNode.Parse(stdout)!.AsObject()));

        var needed = StackDirectory.Catalog.Names
            .SelectMany(n => new PulumiProgramEmitter().Emit(StackDirectory.Catalog.Build(n)).Resources)
            .Select(r => (Package: r.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? r.Type[17..] : r.Type.Split(':')[0], r.Version, r.PluginDownloadUrl))
            .ToHashSet();
        var listed = listing.Select(r => ((string)r.Value!["type"]!)[17..]).ToHashSet();
        Assert.Equal(needed.Select(n => n.Package).ToHashSet(), listed);
        foreach (var (_, res) in listing)
        {
            var pkg = ((string)res!["type"]!)[17..];
            Assert.Contains(needed, n => n.Package == pkg && n.Version == (string?)res["options"]!["version"] &&
                                         n.PluginDownloadUrl == (string?)res["options"]!["pluginDownloadURL"]);
        }
    }

    [Fact]
    public void An_unknown_stack_exits_2_and_lists_the_stacks()
    {
        var (exit, stdout, stderr) = RunStacks("staging", "compile");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("unknown stack 'staging'", stderr, StringComparison.Ordinal);
        Assert.Contains("homelab, local", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_program_to_a_folder_without_a_partial_file()
    {
        using var dir = new ClusterRegistry.Testing.TempDir("compile");
        var (exit, _, stderr) = RunStacks(null, "compile", "--stack", "homelab", "--out", dir.Path + "/");
        Assert.True(exit == 0, stderr);
        Assert.Equal(new[] { "homelab.findings.json", "homelab.json" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The findings beside it are the rule engine's, for `diff --base DIR` (homelab is clean of errors by design).
        var findings = ClusterRegistry.Pulumi.Diff.FindingsFile.Read(File.ReadAllText(dir.Combine("homelab.findings.json")));
        Assert.DoesNotContain(findings, f => f.Severity == "error");
        Assert.Equal(new PulumiProgramEmitter().Emit(StackDirectory.Catalog.Build("homelab")).ToJson(), File.ReadAllText(dir.Combine("homelab.json")));
    }

    [Fact]
    public void The_bench_stacks_exist_only_when_asked_for()
    {
        Assert.DoesNotContain("bench-500", StackDirectory.Catalog.Names);
        var unknown = RunStacks("bench-500", "compile");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("known stacks: homelab, local", unknown.Err, StringComparison.Ordinal);

        var (exit, stdout, stderr) = RunStacks("bench-500", benchStacks: true, "compile");
        Assert.True(exit == 0, stderr);
        Assert.Equal(new PulumiProgramEmitter().Emit(TestStacks.Build("bench-500")).ToJson(), stdout);
        var resources = JsonNode.Parse(stdout)!["resources"]!.AsObject();
        Assert.Equal(500, resources.Count(r => r.Key.StartsWith("talos-machine-network-", StringComparison.Ordinal)));

        // The package listing (no PULUMI_STACK) stays the same with them: bench stacks need no other plugin.
        Assert.Equal(RunStacks(null, "compile").Out, RunStacks(null, benchStacks: true, "compile").Out);
    }
}
