using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Cli;
using Microsoft.CodeAnalysis;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Validation;

/// <summary>
/// One validation, three front ends: every value <c>synth</c> refuses (exit 2) is a finding of one input-validation rule
/// (CRG001, CRG002, CRG110, CRG206), which the analyzer shows on the constant in the stack and <c>check</c> reports, all
/// three with the same message. Each case is the clean stack every rule case starts from with exactly one bad value
/// (the former <c>StackValidator</c> checks, one case each), compiled once: the analyzer runs on the compilation, then
/// the compiled class is built with the real model and handed to the real CLI (<c>check</c>, then <c>synth</c>).
/// </summary>
public class OneValidationTests
{
    /// <summary>One bad value: the rule, the resource and property path the finding names, the value, and the stack body with the squiggle marked.</summary>
    public sealed record Case(string Id, string Resource, string Path, string Value, string Body, bool RefusedWhileBuilt = false)
    {
        public override string ToString() => $"{Id} {Resource} {Path} = '{Value}'";
    }

    private const string HarborR = "HarborRegistry 'harbor'";
    private const string SpegelR = "SpegelRelease 'spegel'";
    private const string PatchR = "TalosMachinePatch 'machine-network'";
    private const string ProbeR = "PullLatencyProbe 'pull-latency'";

    private const string ExternalR = "ExternalRegistry 'harbor-vm'";
    private const string SecretR = "ExistingSecret 'harbor-secret'";

    private static string H(string more) => HarborWith(more: more);

    /// <summary>An external Harbor beside the clean stack, its args completed by <paramref name="more"/>.</summary>
    private static string External(string more, string name = "\"harbor-vm\"") => Stack(extra:
        $"new ClusterRegistry.Registries.ExternalRegistry({name}, new ClusterRegistry.Registries.ExternalRegistryArgs {{ Url = \"https://harbor.example.com\", {more} }});");

    private static string Project(string more) => "new ClusterRegistry.Registries.ExternalRegistryProject { " + more + " }";

    /// <summary>A Secret something else manages beside the clean stack (whose Harbor generates harbor/harbor-admin).</summary>
    private static string Existing(string more, string name = "\"harbor-secret\"") => Stack(extra:
        $"new ExistingSecret({name}, new ExistingSecretArgs {{ {more} }});");

    private static string Sp(string more) => SpegelWith(more: more);

    private static string P(string more) => Stack(patch: PatchWith(more: more));

    public static readonly Case[] Cases =
    {
        // HarborRegistry: names, DNS labels, IPs, CIDR, URLs, chart.
        new("CRG002", "HarborRegistry '../harbor'", "name", "../harbor", Stack(harbor: Fragments.Harbor.Replace("new HarborRegistry(\"harbor\"", "new HarborRegistry([|\"../harbor\"|]"))),
        new("CRG001", HarborR, "Namespace", "Harbor", Stack(harbor: H("[|Namespace = \"Harbor\"|],"))),
        new("CRG001", HarborR, "ServiceName", "harbor_svc", Stack(harbor: H("[|ServiceName = \"harbor_svc\"|],"))),
        new("CRG001", HarborR, "LoadBalancerIP", "192.168.1", Stack(harbor: Fragments.Harbor.Replace("LoadBalancerIP = \"192.168.1.105\"", "[|LoadBalancerIP = \"192.168.1\"|]"))),
        new("CRG001", HarborR, "ClusterIP", "10.43.216.256", Stack(harbor: Fragments.Harbor.Replace("ClusterIP = \"10.43.216.243\"", "[|ClusterIP = \"10.43.216.256\"|]"))),
        new("CRG001", HarborR, "ServiceSubnet", "10.43.0.0/33", Stack(harbor: Fragments.Harbor.Replace("ServiceSubnet = \"10.43.0.0/16\"", "[|ServiceSubnet = \"10.43.0.0/33\"|]"))),
        new("CRG001", HarborR, "ExternalUrl", "ftp://192.168.1.105", Stack(harbor: Fragments.Harbor.Replace("ExternalUrl = \"http://192.168.1.105\"", "[|ExternalUrl = \"ftp://192.168.1.105\"|]"))),
        new("CRG001", HarborR, "ChartRepository", "helm.goharbor.io", Stack(harbor: H("[|ChartRepository = \"helm.goharbor.io\"|],"))),
        new("CRG001", HarborR, "ChartVersion", "latest", Stack(harbor: Fragments.Harbor.Replace("ChartVersion = \"1.17.1\"", "[|ChartVersion = \"latest\"|]"))),

        // ChartSource (an OCIRepository): url, exactly one of tag/semver/digest, digest, tag, interval, ChartVersion beside it.
        new("CRG001", HarborR, "ChartSource.Url", "https://helm.goharbor.io/harbor", Stack(harbor: HarborWith(chart: "", more: "ChartSource = new ClusterRegistry.Charts.OciChartSource { [|Url = \"https://helm.goharbor.io/harbor\"|], Tag = \"1.17.1\" },"))),
        new("CRG001", HarborR, "ChartVersion", "1.17.1", Stack(harbor: HarborWith(chart: "[|ChartVersion = \"1.17.1\"|]", more: "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://registry-1.docker.io/goharbor/harbor-helm\", Tag = \"1.17.1\" },"))),
        new("CRG001", SpegelR, "ChartSource", "none", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",", "[|ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\" }|],"))),
        new("CRG001", SpegelR, "ChartSource.Semver", ">=0.7.0", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",", "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\", Tag = \"0.7.4\", [|Semver = \">=0.7.0\"|] },"))),
        new("CRG001", SpegelR, "ChartSource.Digest", "sha256:0123abc", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",", "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\", [|Digest = \"sha256:0123abc\"|] },"))),
        new("CRG001", SpegelR, "ChartSource.Tag", "0.7.4+1", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",", "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\", [|Tag = \"0.7.4+1\"|] },"))),
        new("CRG001", SpegelR, "ChartSource.SemverFilter", ".*-rc.*", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",", "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\", Tag = \"0.7.4\", [|SemverFilter = \".*-rc.*\"|] },"))),
        new("CRG001", SpegelR, "ChartSource.Interval", "5 minutes", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",", "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\", Tag = \"0.7.4\", [|Interval = \"5 minutes\"|] },"))),
        // PostRenderers (Flux kustomize post-renderers): an image without a name, an empty patch, a target selecting nothing in particular, a renderer with nothing.
        new("CRG001", HarborR, "PostRenderers[0].Images[0].Name", "", Stack(harbor: H("PostRenderers = { new ClusterRegistry.Charts.HelmPostRenderer { Images = { new ClusterRegistry.Charts.KustomizeImage { [|Name = \"\"|], NewTag = \"v2.13.0\" } } } },"))),
        new("CRG001", SpegelR, "PostRenderers[0].Patches[0].Patch", "", Stack(spegel: Sp("PostRenderers = { new ClusterRegistry.Charts.HelmPostRenderer { Patches = { new ClusterRegistry.Charts.KustomizePatch { [|Patch = \"\"|], Target = new ClusterRegistry.Charts.KustomizePatchTarget { Kind = \"DaemonSet\" } } } } },"))),
        new("CRG001", SpegelR, "PostRenderers[0].Patches[0].Target", "empty", Stack(spegel: Sp("PostRenderers = { new ClusterRegistry.Charts.HelmPostRenderer { Patches = { new ClusterRegistry.Charts.KustomizePatch { Patch = \"- op: remove\\n  path: /spec/replicas\\n\", [|Target = new ClusterRegistry.Charts.KustomizePatchTarget()|] } } } },"))),
        new("CRG001", HarborR, "PostRenderers[0]", "empty", Stack(harbor: H("PostRenderers = { [|new ClusterRegistry.Charts.HelmPostRenderer()|] },"))),
        // ChartSource pull credentials: a Secret name, and static credentials beside a cloud provider (Flux ignores the provider).
        new("CRG001", SpegelR, "ChartSource.CertSecretName", "Harbor_CA", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",", "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\", Tag = \"0.7.4\", [|CertSecretName = \"Harbor_CA\"|] },"))),
        new("CRG001", SpegelR, "ChartSource.SecretName", "ecr-pull", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\",", "ChartSource = new ClusterRegistry.Charts.OciChartSource { Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\", Tag = \"0.7.4\", Provider = ClusterRegistry.Charts.OciRepositoryProvider.Aws, [|SecretName = \"ecr-pull\"|] },"))),

        // HarborProject and RobotAccount.
        new("CRG002", "HarborProject 'apps'", "ProjectName", "my apps", Stack(extra: "new HarborProject(\"apps\", new HarborProjectArgs { Registry = harbor, [|ProjectName = \"my apps\"|] });")),
        new("CRG002", "RobotAccount 'ci pull'", "name", "ci pull", Stack(extra: "new RobotAccount([|\"ci pull\"|], new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull(\"apps\") } });")),
        new("CRG001", "RobotAccount 'ci-pull'", "Project", "null", Stack(extra: "new RobotAccount(\"ci-pull\", new RobotAccountArgs { Registry = harbor, [|Level = RobotLevel.Project|], Permissions = { RobotPermission.Pull(\"apps\") } });")),

        // SpegelRelease: DNS label, chart, registries, targets, path, ports.
        new("CRG001", SpegelR, "Namespace", "Kube-System", Stack(spegel: Sp("[|Namespace = \"Kube-System\"|],"))),
        new("CRG001", SpegelR, "ChartRepository", "ghcr.io/spegel-org/helm-charts/spegel", Stack(spegel: Sp("[|ChartRepository = \"ghcr.io/spegel-org/helm-charts/spegel\"|],"))),
        new("CRG001", SpegelR, "ChartVersion", "v0.seven", Stack(spegel: Fragments.Spegel.Replace("ChartVersion = \"0.7.4\"", "[|ChartVersion = \"v0.seven\"|]"))),
        new("CRG110", SpegelR, "MirroredRegistries[2]", "https://harbor/v2/proxy", Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", \"http://192.168.1.105\", [|\"https://harbor/v2/proxy\"|] }"))),
        new("CRG110", SpegelR, "MirroredRegistries[3]", "*", Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", \"http://192.168.1.105\", \"_default\", [|\"*\"|] }"))),
        new("CRG002", SpegelR, "MirroredRegistries[2]", "https://docker.io", Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", \"http://192.168.1.105\", [|\"https://docker.io\"|] }"))),
        new("CRG001", SpegelR, "AdditionalMirrorTargets[0]", "http://192.168.1.105/v2", Stack(spegel: Sp("AdditionalMirrorTargets = { [|\"http://192.168.1.105/v2\"|] },"))),
        new("CRG001", SpegelR, "ContainerdRegistryConfigPath", "etc/cri/conf.d/hosts", Stack(spegel: SpegelWith(path: "[|ContainerdRegistryConfigPath = \"etc/cri/conf.d/hosts\"|]"))),
        new("CRG001", SpegelR, "RegistryHostPort", "0", Stack(spegel: Sp("[|RegistryHostPort = 0|],"))),
        new("CRG001", SpegelR, "RegistryNodePort", "70000", Stack(spegel: Sp("[|RegistryNodePort = 70000|],"))),

        // TalosMachinePatch: name, version, nodes, mirrors, registry config, host entries, files, CRI customisations.
        new("CRG002", "TalosMachinePatch '../escape'", "name", "../escape", Stack(patch: Fragments.Patch.Replace("new TalosMachinePatch(\"machine-network\"", "new TalosMachinePatch([|\"../escape\"|]"))),
        new("CRG001", PatchR, "TalosVersion", "eleven", Stack(patch: PatchWith(version: "[|TalosVersion = \"eleven\"|]"))),
        new("CRG001", PatchR, "Nodes[1]", "192.168.1.300", Stack(patch: Fragments.Patch.Replace("Nodes = { \"192.168.1.98\" }", "Nodes = { \"192.168.1.98\", [|\"192.168.1.300\"|] }"))),
        new("CRG002", PatchR, "Nodes[1]", "192.168.1.98", Stack(patch: Fragments.Patch.Replace("Nodes = { \"192.168.1.98\" }", "Nodes = { \"192.168.1.98\", [|\"192.168.1.98\"|] }"))),
        new("CRG001", PatchR, "Mirrors[\"harbor lan\"]", "harbor lan", P("").Replace("Mirrors = { [\"192.168.1.105\"]", "Mirrors = { [|[\"harbor lan\"] = new TalosMirror { Endpoints = { \"http://192.168.1.105\" } }|], [\"192.168.1.105\"]")),
        new("CRG206", PatchR, "Mirrors[\"http://192.168.1.106\"]", "http://192.168.1.106", P("").Replace("Mirrors = { [\"192.168.1.105\"]", "Mirrors = { [|[\"http://192.168.1.106\"] = new TalosMirror { Endpoints = { \"http://192.168.1.105\" } }|], [\"192.168.1.105\"]")),
        new("CRG001", PatchR, "Mirrors[\"ghcr.io\"]", "null", P("").Replace("Mirrors = { [\"192.168.1.105\"]", "Mirrors = { [|[\"ghcr.io\"] = null!|], [\"192.168.1.105\"]")),
        new("CRG001", PatchR, "Mirrors[\"192.168.1.105\"].Endpoints[1]", "harbor.harbor.svc.cluster.local", Stack(patch: PatchWith(mirrors: "Mirrors = { [\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"http://harbor.harbor.svc.cluster.local\", [|\"harbor.harbor.svc.cluster.local\"|] } } }"))),
        new("CRG001", PatchR, "RegistryConfig[\"harbor lan\"]", "harbor lan", Stack(patch: PatchWith(registryConfig: "RegistryConfig = { [\"harbor.harbor.svc.cluster.local\"] = auth, [\"192.168.1.105\"] = auth, [|[\"harbor lan\"] = auth|] }"))),
        new("CRG206", PatchR, "RegistryConfig[\"http://192.168.1.105\"]", "http://192.168.1.105", Stack(patch: PatchWith(registryConfig: "RegistryConfig = { [\"harbor.harbor.svc.cluster.local\"] = auth, [\"192.168.1.105\"] = auth, [|[\"http://192.168.1.105\"] = auth|] }"))),
        new("CRG001", PatchR, "RegistryConfig[\"ghcr.io\"]", "null", Stack(patch: PatchWith(registryConfig: "RegistryConfig = { [\"harbor.harbor.svc.cluster.local\"] = auth, [\"192.168.1.105\"] = auth, [|[\"ghcr.io\"] = null!|] }"))),
        new("CRG001", PatchR, "RegistryConfig[\"*\"].Tls", "*", Stack(patch: PatchWith(registryConfig: "RegistryConfig = { [\"harbor.harbor.svc.cluster.local\"] = auth, [\"192.168.1.105\"] = auth, [\"*\"] = new TalosRegistryConfig { [|Tls = new TalosRegistryTls { InsecureSkipVerify = true }|] } }"))),
        new("CRG001", PatchR, "ExtraHostEntries[0].Ip", "10.43.216.243/32", Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { new TalosHostEntry { [|Ip = \"10.43.216.243/32\"|], Aliases = { \"harbor.harbor.svc.cluster.local\" } } }"))),
        new("CRG001", PatchR, "ExtraHostEntries[1].Aliases", "10.43.216.244", Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\" } }, [|new TalosHostEntry { Ip = \"10.43.216.244\" }|] }"))),
        new("CRG001", PatchR, "ExtraHostEntries[0].Aliases[1]", "harbor_svc!", Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\", [|\"harbor_svc!\"|] } } }"))),
        new("CRG001", PatchR, "Files[0].Path", "etc/motd", P("Files = { new TalosFile { [|Path = \"etc/motd\"|], Content = \"hello\" } },")),
        new("CRG001", PatchR, "CriCustomizations[1].Name", "customization", Stack(patch: PatchWith(cri: "CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers(), new TalosCriCustomization { [|Name = \"customization\"|], Content = \"\" } }"))),

        // ExternalRegistry: name, kind, the projects described on it.
        new("CRG002", "ExternalRegistry 'harbor vm'", "name", "harbor vm", External("", name: "[|\"harbor vm\"|]")),
        new("CRG001", ExternalR, "Kind", "9", External("[|Kind = (ClusterRegistry.Registries.ExternalRegistryKind)9|]")),
        new("CRG001", ExternalR, "Projects", "library", External("Kind = ClusterRegistry.Registries.ExternalRegistryKind.Zot, [|Projects = { " + Project("Name = \"library\"") + " }|]")),
        new("CRG001", ExternalR, "Projects[1]", "null", External("Projects = { " + Project("Name = \"library\"") + ", [|null|]! }")),
        new("CRG001", ExternalR, "Projects[0].Name", " ", External("Projects = { " + Project("[|Name = \" \"|]") + " }")),
        new("CRG002", ExternalR, "Projects[0].Name", "my library", External("Projects = { " + Project("[|Name = \"my library\"|]") + " }")),
        new("CRG002", ExternalR, "Projects[1].Name", "library", External("Projects = { " + Project("Name = \"library\"") + ", " + Project("[|Name = \"library\"|]") + " }")),
        new("CRG001", ExternalR, "Projects[0].ProxyCacheUpstream", "https://quay.io", External("Projects = { " + Project("Name = \"quay\", [|ProxyCacheUpstream = \"https://quay.io\"|]") + " }")),

        // ExistingSecret: name, namespace, Secret name, keys; the Secret the Harbor generates for its AdminPassword.
        new("CRG002", "ExistingSecret 'harbor secret'", "name", "harbor secret", Existing("Namespace = \"harbor\", SecretName = \"harbor-secret\"", name: "[|\"harbor secret\"|]")),
        new("CRG001", SecretR, "Namespace", "Harbor", Existing("[|Namespace = \"Harbor\"|]")),
        new("CRG001", SecretR, "SecretName", "harbor_secret", Existing("Namespace = \"harbor\", [|SecretName = \"harbor_secret\"|]")),
        new("CRG002", SecretR, "Keys[1]", "password", Existing("Namespace = \"harbor\", Keys = { \"password\", [|\"password\"|] }")),
        new("CRG002", "ExistingSecret 'harbor-admin'", "SecretName", "harbor-admin", Existing("Namespace = \"harbor\"", name: "[|\"harbor-admin\"|]")),
        new("CRG001", HarborR, "ExistingAdminPasswordSecret", "harbor-secret", Stack(harbor: H("[|ExistingAdminPasswordSecret = \"harbor-secret\"|],"))),

        // A blank name: the model refuses it as the resource is constructed, so check exits 2 as synth does.
        new("CRG002", "SpegelRelease ''", "name", "", Stack(spegel: Fragments.Spegel.Replace("new SpegelRelease(\"spegel\"", "new SpegelRelease([|\"\"|]")), RefusedWhileBuilt: true),
        new("CRG002", "PullLatencyProbe ' '", "name", " ", Stack(probe: Fragments.Probe.Replace("new PullLatencyProbe(\"pull-latency\"", "new PullLatencyProbe([|\" \"|]")), RefusedWhileBuilt: true),

        // A null entry in a patch's lists: refused naming the entry (it crashed with a NullReferenceException before).
        new("CRG001", PatchR, "ExtraHostEntries[1]", "null", Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\" } }, [|null|]! }"))),
        new("CRG001", PatchR, "Files[0]", "null", P("Files = { [|null|]! },")),
        new("CRG001", PatchR, "CriCustomizations[1]", "null", Stack(patch: PatchWith(cri: "CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers(), [|null|]! }"))),

        // A null entry in a list of strings (issue 11: the analyzer was silent on it, check said CRG110 'empty').
        new("CRG001", SpegelR, "MirroredRegistries[1]", "null", Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", [|null|]!, \"http://192.168.1.105\" }"))),
        new("CRG001", PatchR, "Nodes[0]", "null", Stack(patch: Fragments.Patch.Replace("Nodes = { \"192.168.1.98\" }", "Nodes = { [|null|]!, \"192.168.1.98\" }"))),
        new("CRG001", "RobotAccount 'cluster-pull'", "Permissions[0]", "null", Stack(robot: Fragments.Robot.Replace("Permissions = { RobotPermission.Pull(\"library\") }", "Permissions = { [|null|]!, RobotPermission.Pull(\"library\") }"))),

        // Talos version limits (CRG215).
        new("CRG215", PatchR, "Mirrors[\"192.168.1.105\"].SkipFallback", "true", Stack(patch: PatchWith(version: "TalosVersion = \"v1.8\"", mirrors: "Mirrors = { [\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"http://harbor.harbor.svc.cluster.local\" }, [|SkipFallback = true|] } }"))),

        // PullLatencyProbe.
        new("CRG001", ProbeR, "Image", "192.168.1.105/Library/MyApp:v1", Stack(probe: Fragments.Probe.Replace("Image = \"192.168.1.105/library/myapp:v1\"", "[|Image = \"192.168.1.105/Library/MyApp:v1\"|]"))),
        new("CRG001", ProbeR, "Nodes[0]", "192.168.1.999", Stack(probe: Fragments.Probe.Replace("LinkMegabitsPerSecond = 1000,", "LinkMegabitsPerSecond = 1000, Nodes = { [|\"192.168.1.999\"|] },"))),
        new("CRG002", ProbeR, "Nodes[1]", "192.168.1.98", Stack(probe: Fragments.Probe.Replace("LinkMegabitsPerSecond = 1000,", "LinkMegabitsPerSecond = 1000, Nodes = { \"192.168.1.98\", [|\"192.168.1.98\"|] },"))),
    };

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add(c.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task The_analyzer_check_and_synth_say_the_same_on_a_bad_value(string key)
    {
        var c = Cases.Single(x => x.ToString() == key);
        var rule = new RuleCase(c.Id, CaseKind.Fires, key, c.Body);

        // The analyzer: exactly the marked span, naming the same resource and property.
        var (source, expected) = Markup.Parse(rule.Source);
        Assert.True(expected.Count == 1, key + ": mark the one bad value");
        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var refusing = diagnostics.Where(d => d.Id is "CRG001" or "CRG002" or "CRG110" or "CRG206" or "CRG215").ToList();
        var all = string.Join("\n", diagnostics.Select(d => $"  {d.Id} at [{Markup.Show(source, d.Location.SourceSpan)}]: {d.GetMessage()}"));
        Assert.True(refusing.Count == 1 && refusing[0].Id == c.Id && refusing[0].Location.SourceSpan == expected[0],
            $"{key}: one {c.Id} diagnostic expected at [{Markup.Show(source, expected[0])}], got:\n{all}");
        var diagnostic = refusing[0];
        Assert.Equal(new CheckFinding(c.Id, c.Resource, c.Path), CheckFinding.Of(diagnostic));
        var message = diagnostic.GetMessage();

        // check and synth: the real CLI on the same class, built with the real model.
        var assembly = CheckRunner.Load(compilation);
        var type = assembly.GetTypes().Single(t => t.Name == "S");
        // A compiled `new S()`, as a stacks project's catalog has it: a refusal while the stack is built is not wrapped in a TargetInvocationException.
        var create = System.Linq.Expressions.Expression.Lambda<Func<Stack>>(System.Linq.Expressions.Expression.New(type)).Compile();
        var catalog = new StackCatalog().Add("s", create);

        var refusal = $"error: {c.Resource}: {c.Path} = '{c.Value}': {message} ({c.Id})\n";
        var (checkExit, checkOut, checkErr) = await Run(catalog, "check", "--stack", "s");
        if (c.RefusedWhileBuilt)
        {
            Assert.Equal(ExitCodes.BadInput, checkExit);
            Assert.Equal(refusal, checkErr.ReplaceLineEndings("\n"));
        }
        else
        {
            Assert.Equal(ExitCodes.Findings, checkExit);
            var line = $"error {c.Id}: {c.Resource} {c.Path}: {message} [";
            Assert.True(checkOut.Contains(line, StringComparison.Ordinal), $"check does not report\n  {line}\nit says:\n{checkOut}");
        }

        var temp = Directory.CreateTempSubdirectory("one-validation-");
        try
        {
            var outDir = Path.Combine(temp.FullName, "out");
            var (synthExit, synthOut, synthErr) = await Run(catalog, "synth", "--stack", "s", "--out", outDir);
            Assert.Equal(ExitCodes.BadInput, synthExit);
            Assert.Equal(refusal, synthErr.ReplaceLineEndings("\n"));
            Assert.Equal("", synthOut);
            Assert.False(Directory.Exists(outDir), "synth must write nothing for a refused stack");
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_input_validation_rule_has_a_case()
    {
        // By reflection: this assembly also sees the rule types compiled into the analyzer under the same names.
        var rules = (System.Collections.IEnumerable)typeof(ClusterRegistry.Validation.StackValidator).GetProperty("Rules")!.GetValue(null)!;
        var refusing = rules.Cast<object>().Select(r => r.GetType().GetProperty("Descriptor")!.GetValue(r)!).Select(d => (string)d.GetType().GetProperty("Id")!.GetValue(d)!).ToList();
        var ids = new StackAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(refusing.Contains).ToList();
        Assert.Equal(refusing, ids);
        Assert.Equal(["CRG001", "CRG002", "CRG110", "CRG206", "CRG215"], ids);
        Assert.All(ids, id => Assert.Contains(Cases, c => c.Id == id));
    }

    private static async Task<(int Exit, string Out, string Err)> Run(StackCatalog catalog, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, catalog, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
