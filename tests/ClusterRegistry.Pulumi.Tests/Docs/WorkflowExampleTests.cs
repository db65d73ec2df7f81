using System.Text.RegularExpressions;
using System.Xml.Linq;
using ClusterRegistry.Cli;
using ClusterRegistry.Testing;
using Stacks;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Pulumi.Tests.Docs;

/// <summary>
/// docs/ci/pull-request.yml is an example users copy: it must parse, and every command it runs against the stacks
/// program must name a real verb with options that verb accepts. check and diff are run for real on the homelab stack
/// (diff against a compiled folder instead of the base branch, which a test checkout does not have).
/// </summary>
public sealed class WorkflowExampleTests
{
    private static readonly string WorkflowPath = Path.Combine(RepoPaths.Root, "docs", "ci", "pull-request.yml");

    private static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(WorkflowPath)));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps() =>
        ((YamlMappingNode)Workflow()["jobs"]).Children.Values
            .Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>());

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;

    private static YamlMappingNode? Map(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (YamlMappingNode)v : null;

    /// <summary>The built stacks program as the workflow names it: stacks/bin/Release/&lt;tfm&gt;/&lt;AssemblyName&gt;.dll.</summary>
    private static string StacksDll()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "stacks", "Stacks.csproj"));
        string Property(string name) => project.Descendants(name).Single().Value;
        return $"stacks/bin/Release/{Property("TargetFramework")}/{Property("AssemblyName")}.dll";
    }

    /// <summary>Each command line of a <c>run:</c> that invokes the stacks program, as its arguments after the program.</summary>
    private static List<string[]> StacksCommands()
    {
        var dll = StacksDll();
        var commands = new List<string[]>();
        foreach (var step in Steps())
        {
            foreach (var line in (Scalar(step, "run") ?? "").Split('\n'))
            {
                var words = Regex.Replace(line, @"\$\{\{[^}]*\}\}", "main").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var at = Array.IndexOf(words, dll);
                if (words.Length > 0 && words[0] == "dotnet" && at == 1)
                {
                    commands.Add(words[2..]);
                }
            }
        }

        return commands;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, StackDirectory.Catalog, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Workflow_parses_and_triggers_on_pull_requests()
    {
        var root = Workflow();
        Assert.NotNull(Map(root, "on")?.Children[new YamlScalarNode("pull_request")]);
        Assert.Equal(2, ((YamlMappingNode)root["jobs"]).Children.Count);
        var uses = Steps().Select(s => Scalar(s, "uses")).Where(u => u is not null).Select(u => u!.Split('@')[0]).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "actions/checkout", "actions/setup-dotnet", "github/codeql-action/upload-sarif", "marocchino/sticky-pull-request-comment", "pulumi/actions" },
            uses);
    }

    [Fact]
    public void Every_stacks_command_names_a_real_verb()
    {
        var commands = StacksCommands();
        Assert.Equal(new[] { "check", "diff" }, commands.Select(c => c[0]));
        var verbs = CliApp.Verbs.Select(v => v.Name).ToHashSet();
        foreach (var c in commands)
        {
            Assert.Contains(c[0], verbs);
        }
    }

    [Fact]
    public async Task Check_runs_as_written_and_writes_the_sarif_the_upload_step_reads()
    {
        var check = StacksCommands().Single(c => c[0] == "check");
        var upload = Steps().Single(s => Scalar(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        var outIndex = Array.IndexOf(check, "--out") + 1;
        Assert.Equal(check[outIndex], Scalar(Map(upload, "with")!, "sarif_file"));

        using var dir = new TempDir("workflow");
        var args = check.ToArray();
        args[outIndex] = dir.Combine(check[outIndex]);
        var (exit, _, err) = await Run(args);
        Assert.True(exit == 0, err);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(args[outIndex]));
    }

    [Fact]
    public async Task Diff_accepts_its_options_and_writes_the_markdown_the_comment_step_posts()
    {
        var diff = StacksCommands().Single(c => c[0] == "diff");
        var comment = Steps().Single(s => Scalar(s, "uses")?.StartsWith("marocchino/sticky-pull-request-comment@", StringComparison.Ordinal) == true);
        var outIndex = Array.IndexOf(diff, "--out") + 1;
        Assert.Equal(diff[outIndex], Scalar(Map(comment, "with")!, "path"));
        Assert.Equal("markdown", diff[Array.IndexOf(diff, "--format") + 1]);
        Assert.Equal("origin/main", diff[Array.IndexOf(diff, "--base") + 1]);

        // The base branch is not in a test checkout: compare against the compiled program of the same stack instead.
        using var dir = new TempDir("workflow");
        var stack = diff[Array.IndexOf(diff, "--stack") + 1];
        var compiled = await Run("compile", "--stack", stack, "--out", dir.Path + "/");
        Assert.True(compiled.Exit == 0, compiled.Err);
        var args = diff.ToArray();
        args[Array.IndexOf(diff, "--base") + 1] = dir.Path;
        args[outIndex] = dir.Combine(diff[outIndex]);
        var (exit, _, err) = await Run(args);
        Assert.True(exit == 0, err);
        Assert.NotEqual("", File.ReadAllText(args[outIndex]).Trim());
    }

    [Fact]
    public void Pulumi_preview_uses_the_compiler_that_Pulumi_yaml_names_and_a_known_stack()
    {
        var steps = Steps().ToList();
        var publish = steps.Select(s => Scalar(s, "run")).Single(r => r?.StartsWith("dotnet publish stacks", StringComparison.Ordinal) == true)!;
        var outDir = publish.Split(' ')[Array.IndexOf(publish.Split(' '), "-o") + 1];

        var pulumiYaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.yaml"));
        var compiler = Regex.Match(pulumiYaml, @"compiler:\s*(?<cmd>.+)").Groups["cmd"].Value.Trim().Split(' ');
        Assert.Equal("./" + outDir + "/stacks", compiler[0]);
        Assert.Contains(compiler[1], CliApp.Verbs.Select(v => v.Name));

        var pulumi = steps.Single(s => Scalar(s, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true);
        var with = Map(pulumi, "with")!;
        Assert.Equal("preview", Scalar(with, "command"));
        Assert.Equal("true", Scalar(with, "diff"));
        Assert.Contains(Scalar(with, "stack-name")!, StackDirectory.Catalog.Names);
    }

    [Fact]
    public async Task The_preview_job_runs_the_compiler_gate_on_the_published_program_before_pulumi()
    {
        var steps = Steps().ToList();
        var publish = steps.Select(s => Scalar(s, "run")).Single(r => r?.StartsWith("dotnet publish stacks", StringComparison.Ordinal) == true)!;
        var outDir = publish.Split(' ')[Array.IndexOf(publish.Split(' '), "-o") + 1];
        var gateIndex = steps.FindIndex(s => Scalar(s, "run")?.StartsWith(outDir + "/stacks compile ", StringComparison.Ordinal) == true);
        var pulumiIndex = steps.FindIndex(s => Scalar(s, "uses")?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true);
        Assert.True(gateIndex >= 0, "no gate step running the published compiler");
        Assert.True(gateIndex < pulumiIndex, "the gate must run before pulumi");

        var words = Scalar(steps[gateIndex], "run")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "compile", "--stack", Scalar(Map(steps[pulumiIndex], "with")!, "stack-name")!, ">", "/dev/null" }, words[1..]);
        var (exit, stdout, err) = await Run(words[1..4]);
        Assert.True(exit == 0, err);
        Assert.StartsWith("{", stdout, StringComparison.Ordinal);
    }
}
