using ClusterRegistry.Cli;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Synth;

/// <summary>The synth verb through the CLI entry, in process: exit codes, --out handling, messages.</summary>
public sealed class SynthVerbTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, SynthTestStacks.Catalog(), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static IEnumerable<object[]> BrokenStacks() => SynthTestStacks.Broken.Keys.Order(StringComparer.Ordinal).Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(BrokenStacks))]
    public async Task Bad_input_exits_2_naming_resource_property_and_value_and_writes_nothing(string stack)
    {
        using var temp = new TempDir("synth-bad");
        var outDir = temp.Combine("out");
        var (exit, stdout, stderr) = await Run("synth", "--stack", stack, "--target", "all", "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, exit);
        var (resource, property, value) = SynthTestStacks.Broken[stack];
        Assert.StartsWith($"error: {resource}: {property} = '{value}': ", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(outDir), "--out must not be created for a bad stack");
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
        Assert.DoesNotContain(SynthTestStacks.Sentinel, stderr);
    }

    [Theory]
    [MemberData(nameof(BrokenStacks))]
    public async Task Bad_input_leaves_an_existing_out_byte_for_byte_as_it_was(string stack)
    {
        using var temp = new TempDir("synth-keep");
        var outDir = temp.Combine("out");
        Assert.Equal(0, (await Run("synth", "--stack", "homelab", "--out", outDir)).Exit);
        File.WriteAllText(Path.Combine(outDir, "hand-written.txt"), "keep me\n");
        var before = TreeFiles.Read(outDir);

        var (exit, _, _) = await Run("synth", "--stack", stack, "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, exit);
        TreeFiles.AssertIdentical(before, TreeFiles.Read(outDir));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Success_replaces_out_with_exactly_the_rendered_files()
    {
        using var temp = new TempDir("synth-replace");
        var outDir = temp.Combine("out");
        Assert.Equal(ExitCodes.Ok, (await Run("synth", "--stack", "homelab", "--target", "node", "--out", outDir)).Exit); // a folder synth wrote
        Directory.CreateDirectory(Path.Combine(outDir, "kubernetes", "stale"));
        File.WriteAllText(Path.Combine(outDir, "kubernetes", "stale", "old.yaml"), "old: true\n");

        var (exit, stdout, stderr) = await Run("synth", "--stack", "homelab", "--target", "gitops", "--out", outDir);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("", stderr);
        var expected = Synthesizer.Synthesize(Homelab.Build(), SynthTarget.GitOps);
        var written = TreeFiles.Read(outDir);
        Assert.Equal(expected.Keys, written.Keys);
        foreach (var (path, content) in expected)
        {
            Assert.Equal(content, System.Text.Encoding.UTF8.GetString(written[path]));
        }

        Assert.Equal($"synth: wrote {expected.Count} files for stack 'homelab' (gitops) to {outDir}\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("gitops", "talos/patches/global/machine-network.yaml")]
    [InlineData("node", "192.168.1.98/etc/hosts")]
    [InlineData("nodes", "192.168.1.98/etc/hosts")]
    [InlineData("all", "nodes/192.168.1.98/etc/hosts")]
    public async Task Targets_lay_out_their_trees(string target, string expectedFile)
    {
        using var temp = new TempDir("synth-target");
        var (exit, _, _) = await Run("synth", "--stack", "homelab", "--target", target, "--out", temp.Combine("out"));
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(File.Exists(temp.Combine("out", expectedFile)));
        if (target == "all")
        {
            Assert.Equal(["gitops", "nodes"], Directory.EnumerateDirectories(temp.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_folder_holding_a_git_repository_is_refused_and_untouched()
    {
        using var temp = new TempDir("synth-git");
        Directory.CreateDirectory(temp.Combine("repo", ".git"));
        File.WriteAllText(temp.Combine("repo", "README.md"), "mine\n");
        var before = TreeFiles.Read(temp.Path);

        var (exit, _, stderr) = await Run("synth", "--stack", "homelab", "--out", temp.Combine("repo"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("holds a .git repository", stderr);
        TreeFiles.AssertIdentical(before, TreeFiles.Read(temp.Path));
        Assert.True(Directory.Exists(temp.Combine("repo", ".git")));
    }

    [Fact]
    public async Task The_root_folder_and_a_file_are_refused()
    {
        var (exit, _, stderr) = await Run("synth", "--stack", "homelab", "--out", "/");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("current folder or one of its parents", stderr);

        using var temp = new TempDir("synth-file");
        File.WriteAllText(temp.Combine("out"), "x");
        (exit, _, stderr) = await Run("synth", "--stack", "homelab", "--out", temp.Combine("out"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("is a file", stderr);
        Assert.Equal("x", File.ReadAllText(temp.Combine("out")));
    }

    [Theory]
    [InlineData("synth", "--stack", "homelab", "--target", "everything", "--out", "x")]
    [InlineData("synth", "--stack", "homelab")]
    [InlineData("synth", "--stack", "nope", "--out", "x")]
    [InlineData("synth", "--stack", "homelab", "--out", "x", "--bogus", "1")]
    public async Task Usage_errors_exit_2_without_writing(params string[] args)
    {
        using var temp = new TempDir("synth-usage");
        var resolved = args.Select(a => a == "x" ? temp.Combine("x") : a).ToArray();
        var (exit, stdout, stderr) = await Run(resolved);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error: ", stderr);
        Assert.Equal("", stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task A_plaintext_secret_in_source_reaches_no_file_and_no_message()
    {
        using var temp = new TempDir("synth-plaintext");
        var (exit, stdout, stderr) = await Run("synth", "--stack", "plaintext", "--out", temp.Combine("out"));
        Assert.Equal(ExitCodes.Ok, exit);
        var files = TreeFiles.Read(temp.Combine("out"));
        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, f => System.Text.Encoding.UTF8.GetString(f.Value).Contains(SynthTestStacks.Sentinel, StringComparison.Ordinal));
        Assert.Contains("${HARBOR_ADMIN_PASSWORD}", System.Text.Encoding.UTF8.GetString(files["gitops/kubernetes/apps/harbor/harbor/app/secret.yaml"]));
        Assert.DoesNotContain(SynthTestStacks.Sentinel, stdout + stderr);
    }
}
