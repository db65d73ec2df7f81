using ClusterRegistry.Cli;
using Stacks;

namespace ClusterRegistry.Cli.Tests;

/// <summary>Runs the stacks program's CLI in process, capturing stdout and stderr.</summary>
internal static class Cli
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
#pragma warning disable IL2026 // JIT tests: the verbs are found by reflection
        var exit = await CliApp.RunAsync(args, StackDirectory.Catalog, o, e);
#pragma warning restore IL2026
        return (exit, o.ToString(), e.ToString());
    }

    /// <summary>Exit 2 and exactly one stderr line, starting with "error: ".</summary>
    public static string AssertOneErrorLine(int exit, string err)
    {
        Assert.True(exit == ExitCodes.BadInput, $"exit {exit}: {err}");
        var line = Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("error: ", line);
        return line;
    }
}
