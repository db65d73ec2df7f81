using System.Diagnostics;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// The package as a user gets it: analyzers/pack-smoke.sh packs ClusterRegistry (from the Release outputs test.sh has
/// built, or builds them when absent), restores a throw-away consumer from that package folder only, and checks the build reports CRG105, CRG106
/// and CRG211 on the seed stack and nothing on the homelab stack (about 10–20 s on two cores).
/// </summary>
public class PackageSmokeTests
{
    [Fact]
    public async Task Packed_analyzers_load_in_a_consumer_restored_from_the_package_alone()
    {
        var script = Path.Combine(RepoPaths.Root, "analyzers", "pack-smoke.sh");
        var analyzerDll = Path.Combine(RepoPaths.Root, "analyzers", "ClusterRegistry.Analyzers", "bin", "Release", "netstandard2.0", "ClusterRegistry.Analyzers.dll");
        // test.sh has built the solution in Release: pack those outputs. Otherwise (a Debug run) the script builds them (~1 min).
        var packNoBuild = File.Exists(analyzerDll);

        var start = new ProcessStartInfo("bash", new[] { script })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };

        // The test host's MSBuild/VSTest variables must not leak into the consumer's own dotnet builds.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["PACK_NO_BUILD"] = packNoBuild ? "1" : "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("analyzers/dotnet/cs/ClusterRegistry.Analyzers.dll", output);
        Assert.Contains("analyzers/dotnet/cs/ClusterRegistry.CodeFixes.dll", output);
        Assert.Contains("error CRG105", output);
        Assert.Contains("error CRG106", output);
        Assert.Contains("warning CRG211", output);
        Assert.Contains("PASS", output);
    }
}
