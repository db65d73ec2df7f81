using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Probe.Tests.Native;

/// <summary>
/// The Native AOT <c>clusterregistry</c> binary (<c>src/ClusterRegistry.Tool/build-native.sh</c> →
/// <c>artifacts/clusterregistry/clusterregistry</c>), run as its own process. The publish takes minutes on 2 cores, so the
/// tests use a binary that is already built (test.sh builds it first when asked to; see the README) and skip, saying why,
/// when it is absent or older than the sources. <c>CLUSTERREGISTRY_BUILD_NATIVE=1</c> makes the first test build it.
/// </summary>
internal static class NativeTool
{
    public const string BuildVariable = "CLUSTERREGISTRY_BUILD_NATIVE";

    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static string? buildFailure;

    public static string Binary => Path.Combine(RepoPaths.Root, "artifacts", "clusterregistry", "clusterregistry");

    private static bool BuildRequested => Environment.GetEnvironmentVariable(BuildVariable) == "1";

    /// <summary>Why the native tests cannot run (null: they can).</summary>
    public static string? WhyUnavailable()
    {
        if (BuildRequested)
        {
            return null;
        }

        if (!File.Exists(Binary))
        {
            return $"the native binary {Binary} is not built: run src/ClusterRegistry.Tool/build-native.sh (Native AOT, a few minutes " +
                   $"on 2 cores), or set {BuildVariable}=1 (or CLUSTERREGISTRY_NATIVE=1 for test.sh) to build it before these tests";
        }

        return NewerSource() is { } source
            ? $"the native binary {Binary} is older than {source}: rebuild it with src/ClusterRegistry.Tool/build-native.sh"
            : null;
    }

    /// <summary>Builds the binary once when <see cref="BuildVariable"/> asks for it and it is missing or stale.</summary>
    public static async Task EnsureBuiltAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            if (buildFailure is not null)
            {
                throw new InvalidOperationException(buildFailure);
            }

            if (!BuildRequested || (File.Exists(Binary) && NewerSource() is null))
            {
                return;
            }

            var script = Path.Combine(RepoPaths.Root, "src", "ClusterRegistry.Tool", "build-native.sh");
            var run = await ExternalProcess.RunAsync(script, [], TimeSpan.FromMinutes(30));
            if (run.ExitCode != 0)
            {
                buildFailure = $"build-native.sh failed (exit {run.ExitCode}):\n{run.StandardError}\n{run.StandardOutput}";
                throw new InvalidOperationException(buildFailure);
            }
        }
        finally
        {
            BuildLock.Release();
        }
    }

    public static async Task<ExternalProcess.Outcome> RunAsync(params string[] args)
    {
        await EnsureBuiltAsync();
        return await ExternalProcess.RunAsync(Binary, args, TimeSpan.FromMinutes(2), environment: Isolated());
    }

    public static async Task<ExternalProcess.Outcome> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        await EnsureBuiltAsync();
        var env = Isolated();
        foreach (var (k, v) in environment)
        {
            env[k] = v;
        }

        return await ExternalProcess.RunAsync(Binary, args, TimeSpan.FromMinutes(2), environment: env);
    }

    // No history file outside the test's temp folders even if a test forgets --history/--no-history.
    private static Dictionary<string, string> Isolated() => new() { ["XDG_DATA_HOME"] = Path.Combine(Path.GetTempPath(), "probe-native-tests-data") };

    /// <summary>The first source file (C#, project, props) the binary is built from that is newer than it, if any.</summary>
    private static string? NewerSource()
    {
        var built = File.GetLastWriteTimeUtc(Binary);
        var root = RepoPaths.Root;
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".csproj", StringComparison.Ordinal) || p.EndsWith(".proto", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props" }.Select(f => Path.Combine(root, f)));
        return files.FirstOrDefault(f => File.GetLastWriteTimeUtc(f) > built) is { } newer ? Path.GetRelativePath(root, newer) : null;
    }
}

/// <summary>A fact that needs the native binary; skipped with the reason from <see cref="NativeTool.WhyUnavailable"/>.</summary>
public sealed class NativeToolFactAttribute : FactAttribute
{
    public NativeToolFactAttribute()
    {
        if (NativeTool.WhyUnavailable() is { } why)
        {
            Skip = why;
        }
    }
}

/// <summary>A fact that needs the native binary and a private containerd (root, containerd installed).</summary>
public sealed class NativeToolContainerdFactAttribute : FactAttribute
{
    public NativeToolContainerdFactAttribute()
    {
        if ((NativeTool.WhyUnavailable() ?? ClusterRegistry.Testing.Containerd.ContainerdProcess.WhyUnavailable()) is { } why)
        {
            Skip = why;
        }
    }
}
