using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Diff;
using ClusterRegistry.Testing;
using Stacks;

namespace ClusterRegistry.Pulumi.Tests;

[Collection(ProcessEnvironment.Name)] // the diff verb reads the current directory, which DiffVerbTests changes
public sealed class DiffTests
{
    private static JsonObject Program(Stack stack) => new PulumiProgramEmitter().Emit(stack).ToJsonObject();

    private static ProgramSnapshot Snap(JsonObject program, IReadOnlyList<DiffFinding>? findings = null, string origin = "x") =>
        new("homelab", program, findings, origin);

    /// <summary>The homelab program as it was before a PR that fixed Spegel, renamed nothing, added a node.</summary>
    private static JsonObject HomelabBefore()
    {
        var p = Program(StackDirectory.Catalog.Build("homelab"));
        var r = p["resources"]!;
        var spegel = r["spegel"]!["properties"]!["objs"]![1]!["spec"]!["values"]!["spegel"]!;
        spegel["prependExisting"] = false;
        spegel["mirroredRegistries"]!.AsArray().RemoveAt(6); // http://192.168.1.105
        r["robot-cluster-pull"]!["properties"]!["name"] = "pull";
        r.AsObject().Remove("talos-machine-network-192-168-1-100");
        foreach (var (key, res) in r.AsObject().Where(e => e.Key.StartsWith("talos-", StringComparison.Ordinal)).ToList())
        {
            // A base folder written by hand may hold a secret in clear: the report must not show it.
            res!["properties"]!["stdin"]!["fn::toJSON"]!["machine"]!["registries"]!["config"]!["192.168.1.105"]!["auth"]!["password"] = TestStacks.Sentinel;
        }

        return p;
    }

    [Fact]
    public void The_same_topology_has_no_changes()
    {
        var p = Program(StackDirectory.Catalog.Build("homelab"));
        var report = TopologyDiff.Compare(Snap(p), Snap(p.DeepClone().AsObject()));
        Assert.True(report.IsEmpty);
        Assert.Equal("no resource changes", DiffFormatter.Summary(report));
    }

    [Fact]
    public void Changes_are_reported_by_resource_and_property_path_with_old_and_new_values()
    {
        var report = TopologyDiff.Compare(Snap(HomelabBefore()), Snap(Program(StackDirectory.Catalog.Build("homelab"))));
        var byKey = report.Changes.ToDictionary(c => c.Key);

        var spegel = byKey["spegel"];
        Assert.Equal(ChangeKind.Update, spegel.Kind);
        Assert.False(spegel.Replaces);
        Assert.Contains(spegel.Properties, p => p.Path == "objs[HelmRelease/spegel].spec.values.spegel.prependExisting" &&
                                                (bool)p.Old! == false && (bool)p.New! == true);
        // An inserted registry is one addition, not a shift of later entries.
        var mirrors = spegel.Properties.Where(p => p.Path.EndsWith("mirroredRegistries", StringComparison.Ordinal)).ToList();
        Assert.Single(mirrors);
        Assert.Equal(ChangeKind.Add, mirrors[0].Kind);
        Assert.Equal("http://192.168.1.105", (string)mirrors[0].New!);

        Assert.True(byKey["robot-cluster-pull"].Replaces); // name is willReplaceOnChanges in the harbor schema
        Assert.Equal(ChangeKind.Add, byKey["talos-machine-network-192-168-1-100"].Kind);
        Assert.Equal(ChangeKind.Update, byKey["talos-machine-network-192-168-1-98"].Kind);
        Assert.Equal(1, report.Count(ChangeKind.Add));
        Assert.Equal(1, report.Replacements);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    public void Secrets_are_masked_in_every_format(string format)
    {
        var report = TopologyDiff.Compare(Snap(HomelabBefore()), Snap(Program(StackDirectory.Catalog.Build("homelab"))));
        var text = DiffFormatter.Format(report, format);
        Assert.DoesNotContain(TestStacks.Sentinel, text, StringComparison.Ordinal);
        Assert.Contains(SecretMask.Masked, text, StringComparison.Ordinal);
        Assert.Contains("${robot-cluster-pull.secret}", text, StringComparison.Ordinal); // where the secret comes from is shown
        if (format == "json")
        {
            var json = JsonNode.Parse(text)!;
            Assert.Equal(1, (int)json["summary"]!["replace"]!);
            Assert.Contains(json["changes"]!.AsArray(), c => (string)c!["op"]! == "replace" && (string)c["key"]! == "robot-cluster-pull");
        }
    }

    [Fact]
    public void The_markdown_comment_leads_with_the_summary_and_groups_identical_node_changes()
    {
        var before = Program(Stack.Build(() => new GeneratedStack(50, pinClusterIp: true)));
        foreach (var (_, res) in before["resources"]!.AsObject().Where(e => e.Key.StartsWith("talos-", StringComparison.Ordinal)))
        {
            res!["properties"]!["stdin"]!["fn::toJSON"]!["machine"]!["network"]!["extraHostEntries"]![0]!["ip"] = "10.43.0.10";
        }

        var report = TopologyDiff.Compare(Snap(before), Snap(Program(Stack.Build(() => new GeneratedStack(50)))));
        var md = DiffFormatter.Markdown(report);
        var lines = md.Split('\n');
        Assert.StartsWith("### ClusterRegistry · `homelab`: ~50 to change", lines[0], StringComparison.Ordinal);
        Assert.Contains("+49 alike", md, StringComparison.Ordinal);
        Assert.Contains("\"10.43.0.10\" → \"10.43.216.243\"", md, StringComparison.Ordinal);
        var tableRows = lines.Count(l => l.StartsWith("| ✏️", StringComparison.Ordinal));
        Assert.Equal(1, tableRows);
        Assert.True(md.Length < 65_000, "a PR comment must fit GitHub's limit");
    }

    [Fact]
    public void Findings_introduced_and_fixed_are_matched_by_rule_resource_and_path()
    {
        var p = Program(StackDirectory.Catalog.Build("homelab"));
        var before = new[]
        {
            new DiffFinding("CRG102", "error", "SpegelRelease 'spegel'", "PrependExisting", "Spegel replaces the Talos hosts.toml"),
            new DiffFinding("CRG403", "info", "Stack 'homelab'", "", "no probe measures 192.168.1.105"),
        };
        var after = new[]
        {
            new DiffFinding("CRG403", "info", "Stack 'homelab'", "", "no probe measures 192.168.1.105 (reworded)"),
            new DiffFinding("CRG211", "warning", "TalosMachinePatch 'machine-network'", "RegistryConfig", "fallback carries no credentials"),
        };
        var report = TopologyDiff.Compare(Snap(p, before), Snap(p, after));
        Assert.Equal(new[] { "CRG211" }, report.FindingsIntroduced!.Select(f => f.Id));
        Assert.Equal(new[] { "CRG102" }, report.FindingsFixed!.Select(f => f.Id));
        var md = DiffFormatter.Markdown(report);
        Assert.Contains("findings: 1 new, 1 fixed", md, StringComparison.Ordinal);
        Assert.Contains("**CRG211**", md, StringComparison.Ordinal);
        Assert.Contains("~~CRG102~~", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_written_by_compile_round_trips_with_its_findings()
    {
        using var dir = new TempDir("diff");
        var p = Program(StackDirectory.Catalog.Build("homelab"));
        File.WriteAllText(dir.Combine("homelab.json"), ClusterRegistry.Pulumi.Program.PulumiProgram.Serialize(p));
        var findings = new[] { new DiffFinding("CRG303", "warning", "RobotAccount 'x'", "Permissions", "more than pull") };
        File.WriteAllText(dir.Combine("homelab.findings.json"), FindingsFile.Write(findings));
        var snap = SnapshotSources.FromDirectory(dir.Path, "homelab");
        Assert.Equal(findings, snap.Findings);
        Assert.True(TopologyDiff.Compare(snap, Snap(p)).Changes.Count == 0);
        Assert.Throws<FileNotFoundException>(() => SnapshotSources.FromDirectory(dir.Path, "local"));
    }

    [Fact]
    public async Task The_diff_verb_compares_a_folder_and_rejects_an_unknown_base()
    {
        using var dir = new TempDir("diffverb");
        File.WriteAllText(dir.Combine("homelab.json"), ClusterRegistry.Pulumi.Program.PulumiProgram.Serialize(HomelabBefore()));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await ClusterRegistry.Cli.CliApp.RunAsync(new[] { "diff", "--stack", "homelab", "--base", dir.Path, "--format", "markdown" },
            StackDirectory.Catalog, stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        Assert.StartsWith("### ClusterRegistry · `homelab`: +1 to add, ~3 to change, +-1 to replace", stdout.ToString(), StringComparison.Ordinal);

        stderr = new StringWriter();
        exit = await ClusterRegistry.Cli.CliApp.RunAsync(new[] { "diff", "--stack", "homelab", "--base", "no-such-ref-or-folder" },
            StackDirectory.Catalog, new StringWriter(), stderr);
        Assert.Equal(2, exit);
        Assert.Contains("no-such-ref-or-folder", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_come_from_the_rule_engine_on_both_sides()
    {
        var broken = SnapshotSources.FromStack(Stack.Build(() => new GeneratedStack(3, prependExisting: false)), new RuleFindingSource());
        var fixedStack = SnapshotSources.FromStack(Stack.Build(() => new GeneratedStack(3)), new RuleFindingSource());

        var fixing = TopologyDiff.Compare(broken, fixedStack);
        Assert.Contains(fixing.FindingsFixed!, f => f.Id == "CRG102" && f.Severity == "error");
        Assert.DoesNotContain(fixing.FindingsIntroduced!, f => f.Id == "CRG102");

        var breaking = TopologyDiff.Compare(fixedStack, broken);
        Assert.Contains(breaking.FindingsIntroduced!, f => f.Id == "CRG102");
        Assert.Contains("🛑 **CRG102**", DiffFormatter.Markdown(breaking), StringComparison.Ordinal);
    }
}
