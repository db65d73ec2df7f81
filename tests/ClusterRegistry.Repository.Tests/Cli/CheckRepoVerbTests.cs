using System.Text.Json;
using ClusterRegistry.Cli;
using ClusterRegistry.Repository.Tests.Support;

namespace ClusterRegistry.Repository.Tests.Cli;

public sealed class CheckRepoVerbTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, new StackCatalog(), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Text_names_file_line_and_column_and_exits_1_on_an_error_finding()
    {
        var (exit, stdout, _) = await Run("check", "--repo", Fixtures.Path("falkwinkler-home-ops"));
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml(5,9): error CRG101: SpegelRelease 'spegel' MirroredRegistries: ", stdout);
        Assert.Contains("repository 'falkwinkler-home-ops': 1 error(s)", stdout);
    }

    [Fact]
    public async Task Json_keeps_the_findings_shape_with_file_line_column_and_lists_notices()
    {
        using var repo = new TempRepository()
            .Write("apps/spegel/ocirepository.yaml", Snippets.SpegelOci)
            .Write("apps/spegel/helmrelease.yaml", Snippets.SpegelRelease("""
                  values:
                    spegel:
                      mirroredRegistries: [https://docker.io]
                      prependExisting: true
                      containerdRegistryConfigPath: /etc/containerd/certs.d
                """))
            .Write("talos/patch.yaml", Snippets.DockerHubThroughHarborProxy)
            .Write("talos/skip.yaml.j2", "{{ x }}");
        var (exit, stdout, _) = await Run("check", "--repo", repo.Root, "--format", "json");
        Assert.Equal(ExitCodes.Findings, exit);
        using var doc = JsonDocument.Parse(stdout);
        var f = doc.RootElement.GetProperty("findings").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "CRG105");
        Assert.Equal("error", f.GetProperty("severity").GetString());
        Assert.Equal("apps/spegel/helmrelease.yaml", f.GetProperty("file").GetString());
        Assert.Equal(15, f.GetProperty("line").GetInt32());
        Assert.Equal(37, f.GetProperty("column").GetInt32());
        Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString()));
        var notice = doc.RootElement.GetProperty("notices").EnumerateArray().Single();
        Assert.Equal(("skipped", "talos/skip.yaml.j2"), (notice.GetProperty("kind").GetString(), notice.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task Sarif_has_region_line_and_column_relative_to_srcroot_and_notices_as_notifications()
    {
        var (_, stdout, _) = await Run("check", "--repo", Fixtures.Path("falkwinkler-home-ops"), "--format", "sarif");
        using var doc = JsonDocument.Parse(stdout);
        var run = doc.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "CRG101");
        var phys = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml", phys.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", phys.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(5, phys.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(9, phys.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public async Task Severity_set_in_the_repository_editorconfig_applies_to_its_yaml()
    {
        using var repo = new TempRepository()
            .Write(".editorconfig", "root = true\n\n[*.{yaml,yml}]\ndotnet_diagnostic.CRG101.severity = warning\n")
            .Write("apps/spegel/ocirepository.yaml", Snippets.SpegelOci)
            .Write("apps/spegel/helmrelease.yaml", Snippets.SpegelRelease("""
                  values:
                    spegel:
                      containerdRegistryConfigPath: /etc/cri/conf.d/hosts
                """))
            .Write("talos/patch.yaml", Snippets.DockerHubThroughHarborProxy);
        var (exit, stdout, _) = await Run("check", "--repo", repo.Root);
        Assert.Contains("warning CRG101", stdout);
        Assert.Equal(ExitCodes.Ok, exit);
    }

    [Fact]
    public async Task Bad_yaml_without_error_findings_exits_2_after_checking_the_rest()
    {
        using var repo = new TempRepository()
            .Write("apps/broken.yaml", "a: [\n")
            .Write("talos/patch.yaml", Snippets.DockerHubThroughHarborProxy);
        var (exit, stdout, _) = await Run("check", "--repo", repo.Root);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches(@"apps/broken\.yaml\(\d+\): error: invalid YAML", stdout);
    }

    [Theory]
    [InlineData("check", "--repo", "/nonexistent/crg-repo")]
    [InlineData("check", "--repo", ".", "--stack", "x")]
    public async Task Bad_arguments_exit_2(params string[] args)
    {
        var (exit, _, stderr) = await Run(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error: ", stderr);
    }

    [Fact]
    public async Task Out_writes_the_report_file()
    {
        using var repo = new TempRepository().Write("talos/patch.yaml", Snippets.DockerHubThroughHarborProxy);
        var path = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + ".sarif");
        try
        {
            var (exit, _, stderr) = await Run("check", "--repo", repo.Root, "--format", "sarif", "--out", path);
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(path));
            Assert.Contains("wrote", stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
