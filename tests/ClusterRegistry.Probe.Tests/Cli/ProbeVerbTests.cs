using System.Text.Json;
using ClusterRegistry.Cli;
using ClusterRegistry.Probe.History;
using ClusterRegistry.Probe.Tests.Cri;
using ClusterRegistry.Probe.Tests.Oci;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Containerd;
using Stacks;

namespace ClusterRegistry.Probe.Tests.Cli;

internal static class Cli
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await CliApp.RunAsync(args, StackDirectory.Catalog, o, e);
        return (code, o.ToString(), e.ToString());
    }
}

[Collection(RegistryCollection.Name)]
public sealed class ProbeVerbRegistryTests(RegistryFixture f) : IDisposable
{
    private readonly TempDir temp = new("probe-cli");

    private string Db => temp.Combine("history.db");

    [Fact]
    public async Task Json_output_has_the_contract_fields_and_the_run_lands_in_the_history()
    {
        var (exit, stdout, stderr) = await Cli.Run("probe", $"{f.Open.Host}/library/app:v1", "--plain-http", "--budget", "30s", "--json", "--history", Db, "--node", "ci-node");
        Assert.True(exit == 0, stderr + stdout);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal($"{f.Open.Host}/library/app:v1", root.GetProperty("image").GetString());
        Assert.Equal("registry", root.GetProperty("via").GetString());
        Assert.Equal(f.Small.TotalBlobBytes, root.GetProperty("bytes").GetInt64());
        Assert.True(root.GetProperty("durationMs").GetDouble() > 0);
        Assert.Equal(30_000, root.GetProperty("budgetMs").GetDouble());
        Assert.True(root.GetProperty("withinBudget").GetBoolean());
        Assert.Equal(4, root.GetProperty("layers").GetArrayLength());
        Assert.All(root.GetProperty("layers").EnumerateArray(), l => Assert.True(l.GetProperty("bytes").GetInt64() > 0 && l.TryGetProperty("throughputMBps", out _)));
        Assert.True(root.TryGetProperty("authMs", out _) && root.TryGetProperty("ttfbMs", out _));

        var entries = new ProbeHistory(Db).Query();
        var e = Assert.Single(entries);
        Assert.Equal("ci-node", e.Node);
        Assert.True(e.WithinBudget);
    }

    [Fact]
    public async Task Over_budget_exits_1_and_failures_exit_2_with_the_class_on_one_line()
    {
        var over = await Cli.Run("probe", $"{f.Open.Host}/library/app:v1", "--plain-http", "--budget", "1us", "--history", Db);
        Assert.Equal(1, over.Exit);
        Assert.StartsWith("OVER BUDGET", over.Out);

        var missing = await Cli.Run("probe", $"{f.Open.Host}/library/app:nope", "--plain-http", "--history", Db);
        Assert.Equal(2, missing.Exit);
        Assert.Single(missing.Out.Trim().Split('\n'));
        Assert.Contains("manifest-not-found:", missing.Out);

        var json = await Cli.Run("probe", $"{f.Basic.Host}/library/app:v1", "--plain-http", "--json", "--history", Db);
        Assert.Equal(2, json.Exit);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("unauthorized", doc.RootElement.GetProperty("failure").GetProperty("class").GetString());
        Assert.False(doc.RootElement.GetProperty("withinBudget").GetBoolean());
    }

    [Fact]
    public async Task Credentials_come_from_an_environment_variable_never_the_command_line()
    {
        Environment.SetEnvironmentVariable("PROBE_TEST_PASSWORD", RegistryFixture.Password);
        var (exit, stdout, stderr) = await Cli.Run("probe", $"{f.Token.Host}/library/app:v1", "--plain-http", "--username", RegistryFixture.User, "--password-env", "PROBE_TEST_PASSWORD", "--no-history");
        Assert.True(exit == 0, stdout + stderr);
        Assert.DoesNotContain(RegistryFixture.Password, stdout + stderr);
    }

    [Fact]
    public async Task History_and_report_subcommands_list_and_plot_runs()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await Cli.Run("probe", $"{f.Open.Host}/library/app:v1", "--plain-http", "--budget", "30s", "--history", Db)).Exit);
        }

        await Cli.Run("probe", $"{f.Open.Host}/library/app:gone", "--plain-http", "--history", Db);
        var history = await Cli.Run("probe", "history", "--history", Db);
        Assert.Equal(0, history.Exit);
        Assert.Contains("4 run(s)", history.Out);
        Assert.Contains("manifest-not-found", history.Out);

        foreach (var ext in new[] { "png", "svg", "html" })
        {
            var path = temp.Combine("report." + ext);
            var report = await Cli.Run("probe", "report", "--history", Db, "--out", path);
            Assert.True(report.Exit == 0, report.Err);
            Assert.True(new FileInfo(path).Length > 1000);
        }

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(temp.Combine("report.png"))[..4]);
        Assert.Contains("<svg", File.ReadAllText(temp.Combine("report.svg")));
        var html = File.ReadAllText(temp.Combine("report.html"));
        Assert.Contains("<svg", html);
        Assert.Contains("manifest-not-found", html);
        Assert.Contains("budget 30000 ms", File.ReadAllText(temp.Combine("report.svg")));

        var bad = await Cli.Run("probe", "report", "--history", Db, "--out", temp.Combine("report.gif"));
        Assert.Equal(2, bad.Exit);
    }

    [Theory]
    [InlineData("--budget", "soon")]
    [InlineData("--via", "carrier-pigeon")]
    [InlineData("--bogus", "1")]
    public async Task Bad_input_is_exit_2_with_a_message(string option, string value)
    {
        var (exit, _, err) = await Cli.Run("probe", "127.0.0.1:1/a:b", option, value, "--no-history");
        Assert.Equal(2, exit);
        Assert.StartsWith("error:", err);
    }

    public void Dispose() => temp.Dispose();
}

/// <summary>The post-deploy usage: <c>probe --stack local --probe pull-latency --json</c> against the real containerd sandbox.</summary>
[Collection(ContainerdCollection.Name)]
public sealed class ProbeVerbStackTests(ContainerdFixture f) : IDisposable
{
    private readonly TempDir temp = new("probe-cli-stack");

    [ContainerdFact]
    public async Task Stack_probe_runs_the_declared_pull_latency_probe_through_cri()
    {
        var (exit, stdout, stderr) = await Cli.Run("probe", "--stack", "local", "--probe", "pull-latency", "--socket", f.Containerd.Socket, "--json", "--history", temp.Combine("h.db"));
        Assert.True(exit is 0 or 1, stderr + stdout);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(LocalStack.RegistryName + "/library/app:v1", root.GetProperty("image").GetString());
        Assert.Equal("cri", root.GetProperty("via").GetString());
        Assert.Equal("pull-latency", root.GetProperty("probe").GetString());
        Assert.Equal(2000, root.GetProperty("budgetMs").GetDouble()); // the resource's Budget
        Assert.True(root.GetProperty("ok").GetBoolean(), stdout);
        Assert.Equal(f.Small.Manifest.Digest, root.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task Unknown_probe_name_is_exit_2_naming_the_probes_that_exist()
    {
        var (exit, _, err) = await Cli.Run("probe", "--stack", "local", "--probe", "nope", "--no-history");
        Assert.Equal(2, exit);
        Assert.Contains("pull-latency", err);
    }

    public void Dispose() => temp.Dispose();
}
