using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Probe.Tests.Cli;

/// <summary>
/// The packed dotnet tool (<c>src/ClusterRegistry.Tool</c>, command <c>clusterregistry</c>) run as its own process, as an
/// operator runs it: built by this project's reference, same configuration as the tests.
/// </summary>
internal static class StandaloneTool
{
    public static string Dll
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var configuration = tfm.Parent!.Name;
            var dll = Path.Combine(RepoPaths.Root, "src", "ClusterRegistry.Tool", "bin", configuration, tfm.Name, "ClusterRegistry.Tool.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("the tool is not built (the test project references it)", dll);
        }
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH for its children).</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
        : "/usr/bin/dotnet";

    public static Task<ExternalProcess.Outcome> RunAsync(params string[] args) =>
        ExternalProcess.RunAsync(DotnetHost, [Dll, .. args], TimeSpan.FromMinutes(2), environment: Isolated());

    /// <summary>Runs the tool in a mount namespace whose /etc/resolv.conf is <paramref name="resolvConf"/>.</summary>
    public static Task<ExternalProcess.Outcome> RunWithResolvConfAsync(string resolvConf, params string[] args) =>
        MountNamespace.RunAsync(new Dictionary<string, string> { ["/etc/resolv.conf"] = resolvConf }, DotnetHost, [Dll, .. args], TimeSpan.FromMinutes(2), Isolated());

    // No history file outside the test's temp folders even if a test forgets --no-history.
    private static Dictionary<string, string> Isolated() => new() { ["XDG_DATA_HOME"] = Path.Combine(Path.GetTempPath(), "probe-tool-tests-data") };
}
