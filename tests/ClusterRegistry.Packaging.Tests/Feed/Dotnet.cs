using System.Diagnostics;
using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Packaging.Tests.Feed;

/// <summary>Runs <c>dotnet</c> (or another command) as a user would: the test host's MSBuild/VSTest variables removed.</summary>
public static class Dotnet
{
    public static Task<ExternalProcess.Outcome> RunAsync(string workDir, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string?>? environment = null) =>
        RunCommandAsync("dotnet", workDir, args, timeout, environment);

    public static async Task<ExternalProcess.Outcome> RunCommandAsync(string file, string workDir, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                                                           || k.StartsWith("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase) || k == "MSBuildExtensionsPath" || k == "MSBuildSDKsPath").ToList())
        {
            psi.Environment.Remove(key);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new ExternalProcess.Outcome(p.ExitCode, await stdout, await stderr);
    }
}
