using System.Text.Json;
using ClusterRegistry.Cli;
using ClusterRegistry.Probe.Tests.Oci;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Probe.Tests.Native;

/// <summary>
/// The Native AOT binary against the real docker-registry instances of <see cref="RegistryFixture"/> on loopback: the JSON
/// contract, the budget exit codes, the SQLite history (libe_sqlite3.so beside the binary), classified failures, Harbor's
/// token flow, and the verbs the native build leaves out.
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class NativeToolRegistryTests(RegistryFixture f) : IDisposable
{
    private readonly TempDir temp = new("probe-native");

    private string Db => temp.Combine("history.db");

    [NativeToolFact]
    public async Task Registry_probe_prints_the_json_contract_and_records_the_run_in_the_sqlite_history()
    {
        var run = await NativeTool.RunAsync("probe", $"{f.Open.Host}/library/app:v1", "--plain-http", "--json", "--budget", "30s", "--history", Db, "--node", "native-node");
        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        using var doc = JsonDocument.Parse(run.StandardOutput);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal("registry", root.GetProperty("via").GetString());
        Assert.Equal("native-node", root.GetProperty("node").GetString());
        Assert.Equal(f.Small.Manifest.Digest, root.GetProperty("digest").GetString());
        Assert.Equal(f.Small.TotalBlobBytes, root.GetProperty("bytes").GetInt64());
        Assert.Equal(30_000, root.GetProperty("budgetMs").GetDouble());
        Assert.True(root.GetProperty("withinBudget").GetBoolean());
        Assert.Equal(4, root.GetProperty("layers").GetArrayLength());

        // The history the native binary wrote is a real SQLite file that the managed reader (and the native one) list.
        var entry = Assert.Single(new History.ProbeHistory(Db).Query());
        Assert.Equal("native-node", entry.Node);
        Assert.Equal(f.Small.Manifest.Digest, entry.Digest);
        var history = await NativeTool.RunAsync("probe", "history", "--history", Db, "--json");
        Assert.True(history.ExitCode == 0, history.StandardError);
        using var listed = JsonDocument.Parse(history.StandardOutput);
        Assert.Equal(f.Small.Manifest.Digest, Assert.Single(listed.RootElement.EnumerateArray()).GetProperty("digest").GetString());
    }

    [NativeToolFact]
    public async Task Budget_gate_exits_0_within_1_over_and_2_on_a_classified_failure_and_history_keeps_all_three()
    {
        var within = await NativeTool.RunAsync("probe", $"{f.Open.Host}/library/big:v1", "--plain-http", "--budget", "1m", "--history", Db);
        Assert.True(within.ExitCode == 0, within.StandardError + within.StandardOutput);
        Assert.StartsWith("ok ", within.StandardOutput);

        // A 40 MB pull cannot finish in 1 µs: over budget, exit 1, and the JSON says so.
        var over = await NativeTool.RunAsync("probe", $"{f.Open.Host}/library/big:v1", "--plain-http", "--budget", "1us", "--json", "--history", Db);
        Assert.True(over.ExitCode == 1, over.StandardError + over.StandardOutput);
        using (var doc = JsonDocument.Parse(over.StandardOutput))
        {
            Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
            Assert.False(doc.RootElement.GetProperty("withinBudget").GetBoolean());
            Assert.Equal(f.Big.Manifest.Digest, doc.RootElement.GetProperty("digest").GetString());
        }

        var missing = await NativeTool.RunAsync("probe", $"{f.Open.Host}/library/app:nope", "--plain-http", "--history", Db);
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.StandardOutput.Trim().Split('\n'));
        Assert.Contains("manifest-not-found:", missing.StandardOutput);

        var history = await NativeTool.RunAsync("probe", "history", "--history", Db);
        Assert.True(history.ExitCode == 0, history.StandardError);
        Assert.Contains("3 run(s)", history.StandardOutput);
        Assert.Contains("over", history.StandardOutput);
        Assert.Contains("manifest-not-found", history.StandardOutput);
    }

    [NativeToolFact]
    public async Task Refused_credentials_are_unauthorized_and_harbors_token_flow_works_with_the_password_from_the_environment()
    {
        var anonymous = await NativeTool.RunAsync("probe", $"{f.Basic.Host}/library/app:v1", "--plain-http", "--json", "--no-history");
        Assert.Equal(2, anonymous.ExitCode);
        using (var doc = JsonDocument.Parse(anonymous.StandardOutput))
        {
            Assert.Equal("unauthorized", doc.RootElement.GetProperty("failure").GetProperty("class").GetString());
        }

        var token = await NativeTool.RunAsync(
            new Dictionary<string, string> { ["PROBE_NATIVE_PASSWORD"] = RegistryFixture.Password },
            "probe", $"{f.Token.Host}/library/app:v1", "--plain-http", "--username", RegistryFixture.User, "--password-env", "PROBE_NATIVE_PASSWORD", "--json", "--no-history");
        Assert.True(token.ExitCode == 0, token.StandardError + token.StandardOutput);
        Assert.DoesNotContain(RegistryFixture.Password, token.StandardOutput + token.StandardError);
        using var ok = JsonDocument.Parse(token.StandardOutput);
        Assert.Equal(f.Small.Manifest.Digest, ok.RootElement.GetProperty("digest").GetString());
    }

    [NativeToolFact]
    public async Task Nothing_listening_is_connection_refused()
    {
        var run = await NativeTool.RunAsync("probe", "127.0.0.1:1/library/app:v1", "--plain-http", "--json", "--no-history", "--timeout", "20s");
        Assert.Equal(2, run.ExitCode);
        using var doc = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("connection-refused", doc.RootElement.GetProperty("failure").GetProperty("class").GetString());
    }

    [NativeToolFact]
    public async Task What_the_native_build_leaves_out_says_so_on_one_line_and_exits_2()
    {
        var report = await NativeTool.RunAsync("probe", "report", "--history", Db, "--out", temp.Combine("r.png"));
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("probe report is not available in the native clusterregistry binary", report.StandardError);
        Assert.False(File.Exists(temp.Combine("r.png")));

        var kubernetes = await NativeTool.RunAsync("probe", $"{f.Open.Host}/library/app:v1", "--via", "kubernetes", "--no-history");
        Assert.Equal(2, kubernetes.ExitCode);
        Assert.Contains("--via kubernetes is not available in the native clusterregistry binary", kubernetes.StandardError);

        var synth = await NativeTool.RunAsync("synth", "--stack", "local");
        Assert.Equal(2, synth.ExitCode);
        Assert.Contains("'synth' is not available in the native clusterregistry binary", synth.StandardError);
    }

    [NativeToolFact]
    public async Task Help_lists_every_verb_of_the_managed_tool_so_none_is_an_unknown_verb_in_the_native_one()
    {
        var help = await NativeTool.RunAsync("--help");
        Assert.Equal(0, help.ExitCode);
        // The "Commands:" section of System.CommandLine's help: one "  NAME  summary" line per verb, up to the blank line.
        var listed = help.StandardOutput.Split('\n').SkipWhile(l => l.Trim() != "Commands:").Skip(1).TakeWhile(l => l.Trim().Length > 0)
            .Select(l => l.Trim().Split(' ')[0]).ToArray();
#pragma warning disable IL2026 // the test runs on the JIT, where reflection over the verbs is fine
        Assert.Equal(CliApp.Verbs.Select(v => v.Name), listed);
#pragma warning restore IL2026
    }

    public void Dispose() => temp.Dispose();
}
