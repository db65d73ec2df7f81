using ClusterRegistry.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Validation;

/// <summary>
/// A null entry in a list of the model, followed by a bad entry (issue 11): the null is CRG001 naming <c>Property[i]</c>,
/// and the finding on the entry after it names the index the user wrote (both builders used to skip the null, so
/// <c>Files[1]</c> was reported as <c>Files[0]</c>). The stacks are constant-only, so the analyzer and <c>check</c> must
/// report exactly the same findings; the expected ones are listed per case.
/// </summary>
public class NullListEntryTests
{
    public sealed record Case(string Name, string Body, params string[] Expected)
    {
        public override string ToString() => Name;
    }

    private const string PatchR = "TalosMachinePatch 'machine-network'";
    private const string SpegelR = "SpegelRelease 'spegel'";
    private const string ProbeR = "PullLatencyProbe 'pull-latency'";

    private static string P(string more) => Stack(patch: PatchWith(more: more));

    public static readonly Case[] Cases =
    {
        // TalosMachinePatch: the object lists, then the string lists.
        new("Files", P("Files = { null!, new TalosFile { Path = \"etc/motd\", Content = \"hello\" } },"),
            $"CRG001 {PatchR} Files[0]", $"CRG001 {PatchR} Files[1].Path"),
        new("ExtraHostEntries", Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { null!, new TalosHostEntry { Ip = \"10.43.216.243/32\", Aliases = { \"harbor.harbor.svc.cluster.local\" } } }")),
            $"CRG001 {PatchR} ExtraHostEntries[0]", $"CRG001 {PatchR} ExtraHostEntries[1].Ip"),
        new("ExtraHostEntries (CRG202 after a null)", Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { null!, new TalosHostEntry { Ip = \"10.43.216.99\", Aliases = { \"harbor.harbor.svc.cluster.local\" } } }")),
            $"CRG001 {PatchR} ExtraHostEntries[0]", $"CRG202 {PatchR} ExtraHostEntries[1].Ip"),
        new("CriCustomizations", Stack(patch: PatchWith(cri: "CriCustomizations = { null!, new TalosCriCustomization { Name = \"customization\", Content = \"\" }, TalosCriCustomization.SpegelKeepUnpackedLayers() }")),
            $"CRG001 {PatchR} CriCustomizations[0]", $"CRG001 {PatchR} CriCustomizations[1].Name"),
        new("Patch Nodes", Stack(patch: Fragments.Patch.Replace("Nodes = { \"192.168.1.98\" }", "Nodes = { null!, \"192.168.1.300\" }")),
            $"CRG001 {PatchR} Nodes[0]", $"CRG001 {PatchR} Nodes[1]"),
        new("Mirror endpoints", Stack(patch: PatchWith(mirrors: "Mirrors = { [\"192.168.1.105\"] = new TalosMirror { Endpoints = { null!, \"harbor.harbor.svc.cluster.local\" } } }")),
            $"CRG001 {PatchR} Mirrors[\"192.168.1.105\"].Endpoints[0]", $"CRG001 {PatchR} Mirrors[\"192.168.1.105\"].Endpoints[1]"),
        new("Host aliases", Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\", null!, \"harbor_svc!\" } } }")),
            $"CRG001 {PatchR} ExtraHostEntries[0].Aliases[1]", $"CRG001 {PatchR} ExtraHostEntries[0].Aliases[2]"),

        // SpegelRelease.
        new("MirroredRegistries", Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", null!, \"http://192.168.1.105\", \"https://harbor/v2/proxy\" }")),
            $"CRG001 {SpegelR} MirroredRegistries[1]", $"CRG110 {SpegelR} MirroredRegistries[3]"),
        new("AdditionalMirrorTargets", Stack(spegel: SpegelWith(more: "AdditionalMirrorTargets = { null!, \"http://192.168.1.105/v2\" },")),
            $"CRG001 {SpegelR} AdditionalMirrorTargets[0]", $"CRG001 {SpegelR} AdditionalMirrorTargets[1]"),

        // PullLatencyProbe, ExistingSecret, ExternalRegistry, RobotAccount.
        new("Probe Nodes", Stack(probe: Fragments.Probe.Replace("LinkMegabitsPerSecond = 1000,", "LinkMegabitsPerSecond = 1000, Nodes = { null!, \"192.168.1.999\" },")),
            $"CRG001 {ProbeR} Nodes[0]", $"CRG001 {ProbeR} Nodes[1]"),
        new("ExistingSecret Keys", Stack(extra: "new ExistingSecret(\"harbor-secret\", new ExistingSecretArgs { Namespace = \"harbor\", Keys = { null!, \"password\", \"password\" } });"),
            "CRG001 ExistingSecret 'harbor-secret' Keys[0]", "CRG002 ExistingSecret 'harbor-secret' Keys[2]"),
        new("ExternalRegistry Projects", Stack(extra: "new ClusterRegistry.Registries.ExternalRegistry(\"harbor-vm\", new ClusterRegistry.Registries.ExternalRegistryArgs { Url = \"https://harbor.example.com\", Projects = { null!, new ClusterRegistry.Registries.ExternalRegistryProject { Name = \" \" } } });"),
            "CRG001 ExternalRegistry 'harbor-vm' Projects[0]", "CRG001 ExternalRegistry 'harbor-vm' Projects[1].Name"),
        new("Robot Permissions", Stack(robot: Fragments.Robot.Replace("Permissions = { RobotPermission.Pull(\"library\") }", "Permissions = { null!, RobotPermission.Pull(\"library\") }")),
            "CRG001 RobotAccount 'cluster-pull' Permissions[0]"),
        new("Spegel RegistryFilters and ValuesFrom", Stack(spegel: SpegelWith(more: "RegistryFilters = { \"^docker.io/\", null! }, ValuesFrom = { null!, new ClusterRegistry.HelmValuesReference { Name = \"spegel-values\" } },")),
            $"CRG001 {SpegelR} RegistryFilters[1]", $"CRG001 {SpegelR} ValuesFrom[0]"),
        new("Harbor RouteParents", Stack(harbor: HarborWith(more: "RouteParents = { new HarborRouteParent { Name = \"gateway\" }, null! },")),
            "CRG001 HarborRegistry 'harbor' RouteParents[1]"),
        new("Robot permission Access", Stack(robot: Fragments.Robot.Replace("Permissions = { RobotPermission.Pull(\"library\") }", "Permissions = { new RobotPermission(\"project\", \"library\", new RobotAccess[] { new RobotAccess(\"repository\", \"pull\"), null! }) }")),
            "CRG001 RobotAccount 'cluster-pull' Permissions[0].Access[1]"),
        new("Post-renderers, their patches and images", Stack(spegel: SpegelWith(more: "PostRenderers = { null!, new ClusterRegistry.Charts.HelmPostRenderer { Patches = { null!, new ClusterRegistry.Charts.KustomizePatch { Patch = \" \" } }, Images = { null!, new ClusterRegistry.Charts.KustomizeImage { Name = \"ghcr.io/spegel-org/spegel\" } } } },")),
            $"CRG001 {SpegelR} PostRenderers[0]", $"CRG001 {SpegelR} PostRenderers[1].Patches[0]", $"CRG001 {SpegelR} PostRenderers[1].Patches[1].Patch",
            $"CRG001 {SpegelR} PostRenderers[1].Images[0]", $"CRG001 {SpegelR} PostRenderers[1].Images[1]"),
        new("A post-renderer holding only a null patch", Stack(spegel: SpegelWith(more: "PostRenderers = { new ClusterRegistry.Charts.HelmPostRenderer { Patches = { null! } } },")),
            $"CRG001 {SpegelR} PostRenderers[0].Patches[0]"),
        new("OIDC identities", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",",
            "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\", Tag = \"0.7.4\", Verify = new ClusterRegistry.Charts.ChartVerification { MatchOidcIdentity = { null!, new ClusterRegistry.Charts.OidcIdentityMatch { Issuer = \"\", Subject = \"x\" } } } },")),
            $"CRG001 {SpegelR} ChartSource.Verify.MatchOidcIdentity[0]", $"CRG001 {SpegelR} ChartSource.Verify.MatchOidcIdentity[1].Issuer"),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_null_entry_is_refused_and_later_entries_keep_their_index(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var source = new RuleCase("CRG001", CaseKind.Fires, name, c.Body).Source;
        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var before = StackAnalyzer.InternalErrors;
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.True(StackAnalyzer.InternalErrors == before, StackAnalyzer.LastInternalError?.ToString());
        var analyzer = diagnostics.Select(CheckFinding.Of).Distinct().Select(f => f.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToList();

        var verdict = CheckRunner.Judge(compilation, "S");
        Assert.True(verdict.Refusal is null, verdict.Refusal);
        var check = verdict.Findings.Select(f => f.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToList();

        Assert.True(analyzer.SequenceEqual(check), $"{name}: a constant-only stack, the analyzer and check must agree\nanalyzer:\n  {string.Join("\n  ", analyzer)}\ncheck:\n  {string.Join("\n  ", check)}");
        foreach (var expected in c.Expected)
        {
            Assert.True(check.Contains(expected), $"{name}: expected {expected}\ncheck:\n  {string.Join("\n  ", check)}");
        }
    }
}
