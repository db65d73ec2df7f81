using ClusterRegistry.Cli;
using ClusterRegistry.Testing;
using Stacks;

namespace ClusterRegistry.Probe.Tests.Cli;

/// <summary>
/// Arguments a careless user gives every verb that writes or reads a path or waits: each is exit 2 with one line that
/// names the argument and the value and says what is wrong — no stack trace, no exit 134, nothing half-written.
/// </summary>
public sealed class BadArgumentTests : IDisposable
{
    private readonly TempDir temp = new("bad-args");

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var exit = await CliApp.RunAsync(args, StackDirectory.Catalog, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    private static void AssertOneLine(int exit, string err, params string[] expected)
    {
        Assert.True(exit == ExitCodes.BadInput, $"exit {exit}: {err}");
        var line = Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("error: ", line);
        foreach (var e in expected)
        {
            Assert.Contains(e, line);
        }
    }

    [Theory]
    [InlineData("synth", "--stack", "local", "--out", "")]
    [InlineData("check", "--stack", "local", "--out", "")]
    [InlineData("compile", "--stack", "local", "--out", "")]
    public async Task An_empty_out_is_named(params string[] args)
    {
        var (exit, _, err) = await RunAsync(args);
        AssertOneLine(exit, err, "--out ''", "empty");
    }

    [Fact]
    public async Task An_empty_doctor_root_is_named()
    {
        var (exit, _, err) = await RunAsync("doctor", "--stack", "local", "--node", "127.0.0.1", "--root", "");
        AssertOneLine(exit, err, "--root ''", "empty");
    }

    [Fact]
    public async Task A_timeout_longer_than_a_timer_can_wait_is_named()
    {
        var (exit, _, err) = await RunAsync("probe", "127.0.0.1:1/library/app:v1", "--plain-http", "--no-history", "--timeout", "1200h");
        AssertOneLine(exit, err, "--timeout '1200h'", "at most");
    }

    [Fact]
    public async Task A_history_that_is_not_a_database_is_named()
    {
        var file = temp.Combine("notes.txt");
        File.WriteAllText(file, "this is not SQLite, just notes someone kept here\n" + new string('x', 4096));
        var (exit, _, err) = await RunAsync("probe", "history", "--history", file);
        AssertOneLine(exit, err, $"--history '{file}'", "not a probe history database");
        Assert.StartsWith("this is not SQLite", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_history_that_is_a_folder_is_named()
    {
        var dir = temp.Combine("folder");
        Directory.CreateDirectory(dir);
        var (exit, _, err) = await RunAsync("probe", "history", "--history", dir);
        AssertOneLine(exit, err, $"--history '{dir}'", "folder");
    }

    [Fact]
    public async Task A_report_out_that_is_an_existing_folder_is_named_and_left_alone()
    {
        var dir = temp.Combine("report.html");
        Directory.CreateDirectory(dir);
        var (exit, _, err) = await RunAsync("probe", "report", "--history", temp.Combine("h.db"), "--out", dir);
        AssertOneLine(exit, err, $"--out '{dir}'", "folder");
        Assert.Equal(["report.html"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName)); // refused before the history is even opened
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public async Task A_sarif_out_that_is_a_folder_is_named_and_leaves_no_temp_file()
    {
        var dir = temp.Combine("results");
        Directory.CreateDirectory(dir);
        var (exit, _, err) = await RunAsync("check", "--stack", "local", "--format", "sarif", "--out", dir);
        AssertOneLine(exit, err, $"--out '{dir}'", "folder");
        Assert.Equal(["results"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    public void Dispose() => temp.Dispose();
}
