using ClusterRegistry.Cli;
using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Rules;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Tests.Readers;

/// <summary>
/// check --repo and the v1.12 registry documents: a talconfig whose Talos version is older than v1.12 and whose patches use
/// <c>kind: RegistryMirrorConfig</c> (or RegistryAuthConfig/RegistryTLSConfig) gets CRG215 on that document. The kinds
/// arrived in Talos v1.12 (siderolabs/talos#12194): the published v1.11 machine-config schema
/// (<c>talos-config.v1.11.6.schema.json</c>, the <c>config.schema.json</c> of the v1.11 docs) has no document whose
/// <c>kind</c> is one of them, the v1.12 schema (<c>talos-config.v1.12.11.schema.json</c>) has all three; Talos rejects a
/// document kind it does not know, so the patch never applies. The same document on v1.12 is the near miss.
/// </summary>
public sealed class RegistryDocumentsVersionTests
{
    // The RegistryMirrorConfig example of the Talos v1.12 configuration reference
    // (siderolabs/talos@82ac1119ec102cc591935bbf0afb73431832b775 website/content/v1.12/reference/configuration/cri/registrymirrorconfig.md).
    private const string MirrorDocument = """
        apiVersion: v1alpha1
        kind: RegistryMirrorConfig
        name: registry.k8s.io
        endpoints:
          - url: https://my-private-registry.local:5000
          - url: http://my-harbor/v2/registry-k8s.io/
            overridePath: true
        skipFallback: true
        """;

    private static string Talconfig(string version) => $$"""
        clusterName: home
        talosVersion: {{version}}
        nodes:
          - hostname: cp1
            ipAddress: 10.0.0.1
            controlPlane: true
        patches:
          - "@./patches/registries.yaml"
        """;

    private static TempRepository Repo(string version, string patch) =>
        new TempRepository().Write("talos/talconfig.yaml", Talconfig(version)).Write("talos/patches/registries.yaml", patch);

    private static List<Finding> Crg215(TempRepository repo) => repo.Scan().Check().Where(f => f.Id == "CRG215").ToList();

    [Fact]
    public void RegistryMirrorConfig_on_Talos_v1_10_is_CRG215_at_the_document_kind()
    {
        using var repo = Repo("v1.10.6", MirrorDocument);
        var f = Assert.Single(Crg215(repo));
        Assert.Equal(RuleSeverity.Error, f.Severity);
        Assert.Equal("Documents", f.Value);
        Assert.Contains("v1.12", f.Message, StringComparison.Ordinal);
        Assert.Contains("#12194", f.Message, StringComparison.Ordinal);
        var at = Assert.IsType<SourceFileLocation>(f.Location);
        Assert.Equal(("talos/patches/registries.yaml", 2, 7), (at.Path, at.Line, at.Column)); // "RegistryMirrorConfig" after "kind: "
    }

    [Fact]
    public void The_same_document_on_Talos_v1_12_is_not_CRG215()
    {
        // v1.12.0 is the first version with the kind; skipFallback (v1.9) and overridePath (v1.3) are older still.
        using var repo = Repo("v1.12.0", MirrorDocument);
        Assert.Empty(Crg215(repo));
        Assert.True(Assert.Single(repo.Scan().Snapshot.TalosPatches).DocumentsFormChosen.Value);
    }

    [Theory]
    [InlineData("v1.12.4", 0)] // the version siderolabs/talos#12972 reports it on
    [InlineData("v1.9.0", 1)] // skipFallback exists, the document kind does not
    [InlineData("v1.8.4", 2)] // neither exists
    public void Talos_issue_12972_skipFallback_false_document(string version, int expected)
    {
        // The RegistryMirrorConfig of siderolabs/talos#12972: docker.io through a proxy, skipFallback: false.
        using var repo = Repo(version, """
            apiVersion: v1alpha1
            kind: RegistryMirrorConfig
            name: docker.io
            endpoints:
                - url: http://docker-io.regproxy.example.com
            skipFallback: false
            """);
        var findings = Crg215(repo);
        Assert.Equal(expected, findings.Count);
        if (expected == 2)
        {
            var skip = Assert.Single(findings, f => f.PropertyPath.EndsWith(".SkipFallback", StringComparison.Ordinal));
            var at = Assert.IsType<SourceFileLocation>(skip.Location);
            Assert.Equal(("talos/patches/registries.yaml", 6, 15), (at.Path, at.Line, at.Column)); // the "false" of skipFallback
        }
    }

    [Theory]
    [InlineData("v1.11.6", true)]
    [InlineData("v1.12.0", false)]
    public void RegistryAuthConfig_and_RegistryTLSConfig_alone_follow_the_same_boundary(string version, bool fires)
    {
        using var repo = Repo(version, """
            apiVersion: v1alpha1
            kind: RegistryTLSConfig
            name: harbor.example.com
            insecureSkipVerify: true
            ---
            apiVersion: v1alpha1
            kind: RegistryAuthConfig
            name: harbor.example.com
            username: robot$talos-pull
            password: ${HARBOR_PULL_SECRET}
            """);
        var findings = Crg215(repo);
        Assert.Equal(fires ? 1 : 0, findings.Count);
        if (fires)
        {
            // One finding per machine config, on the first registry document.
            var at = Assert.IsType<SourceFileLocation>(findings[0].Location);
            Assert.Equal(("talos/patches/registries.yaml", 2, 7), (at.Path, at.Line, at.Column));
        }
    }

    [Fact]
    public void Legacy_machine_registries_on_v1_10_never_set_the_documents_form()
    {
        using var repo = Repo("v1.10.6", Snippets.DockerHubThroughHarborProxy);
        Assert.Empty(Crg215(repo));
        Assert.False(Assert.Single(repo.Scan().Snapshot.TalosPatches).DocumentsFormChosen.Value);
    }

    [Fact]
    public void Legacy_machine_registries_auth_on_v1_13_is_not_judged_as_a_RegistryAuthConfig_document()
    {
        // Only the RegistryAuthConfig document takes one auth kind; a repository that keeps machine.registries.config on
        // v1.13 renders no such document, so its auth is not held to that rule.
        using var repo = Repo("v1.13.7", """
            machine:
              registries:
                config:
                  harbor.example.com:
                    auth:
                      username: robot$talos-pull
                      password: ${HARBOR_PULL_SECRET}
                      identityToken: ${HARBOR_TOKEN}
            """);
        Assert.Empty(Crg215(repo));
    }

    [Fact]
    public async Task Check_repo_prints_CRG215_with_file_line_and_column_and_exits_1()
    {
        using var repo = Repo("v1.10.6", MirrorDocument);
        var stdout = new StringWriter();
        var exit = await CliApp.RunAsync(["check", "--repo", repo.Root], new StackCatalog(), stdout, new StringWriter());
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("talos/patches/registries.yaml(2,7): error CRG215: ", stdout.ToString());

        using var near = Repo("v1.12.0", MirrorDocument);
        var nearOut = new StringWriter();
        await CliApp.RunAsync(["check", "--repo", near.Root], new StackCatalog(), nearOut, new StringWriter());
        Assert.DoesNotContain("CRG215", nearOut.ToString());
    }

    // A StaticHostConfig as the Talos v1.12 configuration reference writes it (a host entry for the registry), an
    // EtcFileConfig and a CRICustomizationConfig as the v1.14 reference writes them. The published schemas
    // (talos-config.v1.11.6 / v1.12.11 / v1.13.9 / v1.14.0-rc.1.schema.json, the docs' config.schema.json of each release)
    // have StaticHostConfig from v1.12 and the other two from v1.14 only.
    private const string StaticHosts = """
        apiVersion: v1alpha1
        kind: StaticHostConfig
        name: 10.43.216.243
        hostnames:
          - harbor.harbor.svc.cluster.local
        """;

    private const string EtcFile = """
        apiVersion: v1alpha1
        kind: EtcFileConfig
        name: motd
        contents: hello
        """;

    private const string CriCustomization = """
        apiVersion: v1alpha1
        kind: CRICustomizationConfig
        name: spegel
        content: |
          [plugins."io.containerd.cri.v1.images"]
            discard_unpacked_layers = false
        """;

    [Theory]
    [InlineData("StaticHostConfig", "v1.11.6", true)]
    [InlineData("StaticHostConfig", "v1.12.0", false)]
    [InlineData("EtcFileConfig", "v1.13.9", true)]
    [InlineData("EtcFileConfig", "v1.14.0", false)]
    [InlineData("CRICustomizationConfig", "v1.13.9", true)]
    [InlineData("CRICustomizationConfig", "v1.14.0", false)]
    public void Other_documents_are_CRG215_before_the_Talos_version_that_has_their_kind(string kind, string version, bool refused)
    {
        var document = kind switch { "StaticHostConfig" => StaticHosts, "EtcFileConfig" => EtcFile, _ => CriCustomization };
        using var repo = Repo(version, document);
        var findings = Crg215(repo);
        if (!refused)
        {
            Assert.Empty(findings);
            return;
        }

        var f = Assert.Single(findings);
        Assert.Equal((kind, kind), (f.PropertyPath, f.Value));
        Assert.Contains($"Talos {version[..version.LastIndexOf('.')]} has no {kind}", f.Message, StringComparison.Ordinal);
        var at = Assert.IsType<SourceFileLocation>(f.Location);
        Assert.Equal(("talos/patches/registries.yaml", 2, 7), (at.Path, at.Line, at.Column)); // the kind, after "kind: "
    }
}
