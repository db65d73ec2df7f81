using System.Text.Json.Nodes;
using ClusterRegistry.Cli;
using ClusterRegistry.Pulumi.Cli;
using ClusterRegistry.Testing;
using Stacks;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>
/// <c>diff --stack NAME --base REF|DIR --format text|markdown|json</c> end to end: a folder written by <c>compile --out</c>,
/// and a git ref of a temporary repository, built and compiled in a temporary worktree. No cluster, no credentials.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DiffVerbTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, StackDirectory.Catalog, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The homelab stack before a change that fixed Spegel and added the LB mirror.</summary>
    private static string BrokenHomelabSource() =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "stacks", "HomelabStack.cs"))
            .Replace("PrependExisting = true,", "PrependExisting = false,", StringComparison.Ordinal)
            .Replace("                \"http://192.168.1.105\",\n", "", StringComparison.Ordinal);

    /// <summary>The same change on the model: the folder base is what `compile --out` wrote for it.</summary>
    private static Stack BrokenHomelab()
    {
        var stack = StackDirectory.Catalog.Build("homelab");
        var spegel = stack.ResourcesOf<ClusterRegistry.Spegel.SpegelRelease>().Single();
        spegel.Args.PrependExisting = false;
        Assert.True(spegel.Args.MirroredRegistries.Remove("http://192.168.1.105"));
        return stack;
    }

    private static void Has(string output, string expected) =>
        Assert.True(output.Contains(expected, StringComparison.Ordinal), $"expected `{expected}` in:\n{output}");

    private static void AssertReportsTheSpegelFix(string format, string output)
    {
        switch (format)
        {
            case "text":
                Assert.StartsWith("stack homelab: ", output, StringComparison.Ordinal);
                Has(output, "~  spegel (kubernetes:yaml/v2:ConfigGroup)");
                Has(output, "objs[HelmRelease/spegel].spec.values.spegel.prependExisting: false → true");
                Has(output, "mirroredRegistries: + \"http://192.168.1.105\"");
                Has(output, "Findings: ");
                Has(output, "- error CRG103");
                break;
            case "markdown":
                Assert.StartsWith("### ClusterRegistry · `homelab`: ", output, StringComparison.Ordinal);
                Has(output, "| ✏️ | `spegel` | ConfigGroup |");
                Has(output, "~~CRG103~~");
                Has(output, "```diff");
                break;
            case "json":
                var json = JsonNode.Parse(output)!;
                Assert.Equal("homelab", (string)json["stack"]!);
                var spegel = json["changes"]!.AsArray().Single(c => (string)c!["key"]! == "spegel")!;
                Assert.Equal("update", (string)spegel["op"]!);
                var prepend = spegel["properties"]!.AsArray().Single(p => ((string)p!["path"]!).EndsWith("prependExisting", StringComparison.Ordinal))!;
                Assert.False((bool)prepend["old"]!);
                Assert.True((bool)prepend["new"]!);
                Assert.Contains(json["findingsFixed"]!.AsArray(), f => (string)f!["id"]! == "CRG103");
                Assert.DoesNotContain(json["findingsIntroduced"]!.AsArray(), f => (string)f!["id"]! == "CRG103");
                break;
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    public async Task A_folder_base_written_by_compile_out_is_compared_in_every_format(string format)
    {
        using var dir = new TempDir("diff-folder");
        var broken = BrokenHomelab();
        var emitter = new PulumiProgramEmitter();
        File.WriteAllText(dir.Combine("homelab.json"), emitter.Emit(broken).ToJson());
        File.WriteAllText(dir.Combine("homelab.findings.json"), Pulumi.Diff.FindingsFile.Write(new Pulumi.Diff.RuleFindingSource().Evaluate(broken)));

        var (exit, stdout, stderr) = await Run("diff", "--stack", "homelab", "--base", dir.Path, "--format", format);
        Assert.True(exit == 0, stderr);
        AssertReportsTheSpegelFix(format, stdout);

        // Against its own output the working tree has no changes.
        using var head = new TempDir("diff-folder-head");
        File.WriteAllText(head.Combine("homelab.json"), emitter.Emit(StackDirectory.Catalog.Build("homelab")).ToJson());
        var same = await Run("diff", "--stack", "homelab", "--base", head.Path, "--format", format);
        Assert.Equal(0, same.Exit);
        Assert.Contains(format == "json" ? "\"update\": 0" : "no resource changes", same.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_change_that_introduces_an_error_finding_exits_1()
    {
        using var dir = new TempDir("diff-introduce");
        var clean = StackDirectory.Catalog.Build("homelab");
        File.WriteAllText(dir.Combine("homelab.json"), new PulumiProgramEmitter().Emit(clean).ToJson());
        File.WriteAllText(dir.Combine("homelab.findings.json"), Pulumi.Diff.FindingsFile.Write(new Pulumi.Diff.RuleFindingSource().Evaluate(clean)));

        // The working tree of this run has the broken homelab.
        var catalog = new StackCatalog().Add("homelab", () =>
        {
            var h = new HomelabStack();
            var spegel = h.ResourcesOf<ClusterRegistry.Spegel.SpegelRelease>().Single();
            spegel.Args.MirroredRegistries.Remove("http://192.168.1.105");
            return h;
        });
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(new[] { "diff", "--stack", "homelab", "--base", dir.Path, "--format", "markdown" }, catalog, stdout, stderr);
        Assert.True(exit == 1, stderr.ToString() + stdout);
        Has(stdout.ToString(), "🛑 **CRG103**");
        Has(stdout.ToString(), "findings: 2 new, 0 fixed");
    }

    [Fact]
    public async Task A_git_ref_base_is_built_and_compiled_in_a_temporary_worktree()
    {
        using var repo = new TempDir("diff-git");
        var bin = AppContext.BaseDirectory.TrimEnd('/');
        // The base commit's stacks program. The repository's own Stacks.csproj references the whole source tree; building
        // that here would rebuild every project, so this one references the already-built assemblies of the same source
        // (what a full build of the ref produces) and carries the stack sources of the base commit.
        Directory.CreateDirectory(repo.Combine("stacks"));
        File.WriteAllText(repo.Combine("stacks/Stacks.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>stacks</AssemblyName>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <InvariantGlobalization>true</InvariantGlobalization>
                <GenerateDependencyFile>false</GenerateDependencyFile>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{bin}/ClusterRegistry.dll;{bin}/ClusterRegistry.Cli.dll" />
                <None Include="{bin}/*.dll" Exclude="{bin}/stacks.dll;{bin}/testhost.dll;{bin}/xunit*.dll;{bin}/Microsoft.TestPlatform*.dll;{bin}/Microsoft.VisualStudio*.dll;{bin}/ClusterRegistry.Pulumi.Tests.dll"
                      CopyToOutputDirectory="PreserveNewest" Visible="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(repo.Combine("stacks/HomelabStack.cs"), BrokenHomelabSource());
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Root, "stacks"), "*.cs").Where(f => Path.GetFileName(f) != "HomelabStack.cs"))
        {
            File.Copy(f, repo.Combine("stacks/" + Path.GetFileName(f)));
        }

        Git(repo.Path, "init", "-q", "-b", "main");
        Git(repo.Path, "add", "-A");
        Git(repo.Path, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "base");
        Git(repo.Path, "tag", "base");

        var saved = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = repo.Path;
            var (exit, stdout, stderr) = await Run("diff", "--stack", "homelab", "--base", "base", "--format", "markdown");
            Assert.True(exit == 0, stderr + stdout);
            AssertReportsTheSpegelFix("markdown", stdout);
            Assert.Contains("`base (", stdout, StringComparison.Ordinal); // the ref and its commit name the base
            Assert.Contains("building its stacks program", stderr, StringComparison.Ordinal);

            var json = await Run("diff", "--stack", "homelab", "--base", "base", "--format", "json");
            Assert.Equal(0, json.Exit);
            AssertReportsTheSpegelFix("json", json.Out);

            var unknown = await Run("diff", "--stack", "homelab", "--base", "no-such-ref");
            Assert.Equal(2, unknown.Exit);
            Assert.Contains("'no-such-ref' is neither a folder nor a commit", unknown.Err, StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }

        // The temporary worktree is gone again.
        Assert.DoesNotContain("clusterregistry-diff-", Git(repo.Path, "worktree", "list"), StringComparison.Ordinal);
    }

    private static string Git(string dir, params string[] args)
    {
        var r = ProcessRunner.Run("git", new[] { "-C", dir }.Concat(args));
        Assert.True(r.ExitCode == 0, $"git {string.Join(' ', args)}: {r.StdErr}");
        return r.StdOut;
    }
}
