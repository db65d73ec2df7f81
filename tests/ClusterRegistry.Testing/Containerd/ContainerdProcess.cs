using ClusterRegistry.Doctor.Sandbox;
using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Testing.Containerd;

/// <summary>
/// A real containerd (Debian's 1.6) with a private root, state, socket, config and hosts folder, started from a
/// <see cref="Containerd16Sandbox"/>. It runs in a mount namespace of its own where a private file is bind-mounted over
/// /etc/hosts (<c>unshare --mount --propagation private</c>), so the node view's host entries apply to containerd and the
/// machine's /etc/hosts is never touched. Needs root (CI runs as root).
/// </summary>
public sealed class ContainerdProcess : IDisposable
{
    public const string Binary = "/usr/bin/containerd";
    public const string CtrBinary = "/usr/bin/ctr";

    private readonly BackgroundProcess process;

    private ContainerdProcess(Containerd16Paths paths, BackgroundProcess process)
    {
        Paths = paths;
        this.process = process;
    }

    public Containerd16Paths Paths { get; }

    public string Socket => Paths.Socket;

    /// <summary>Whether this machine can run the sandbox (root, containerd and unshare installed).</summary>
    public static string? WhyUnavailable()
    {
        if (!File.Exists(Binary))
        {
            return $"{Binary} is not installed (apt-get install containerd)";
        }

        if (!File.Exists("/usr/bin/unshare"))
        {
            return "/usr/bin/unshare is not installed (util-linux)";
        }

        return Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || GetEuid() == 0
            ? null
            : "containerd and mount namespaces need root";
    }

    internal static uint GetEuid()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return uint.MaxValue;
    }

    /// <summary>Writes <paramref name="sandbox"/> under <paramref name="paths"/> and starts containerd on it.</summary>
    public static async Task<ContainerdProcess> StartAsync(Containerd16Sandbox sandbox, Containerd16Paths paths)
    {
        var etcHosts = sandbox.WriteTo(paths);
        var dir = Path.GetDirectoryName(paths.ConfigFile)!;
        var script = "mount --bind \"$1\" /etc/hosts && exec \"$2\" -c \"$3\"";
        var bg = BackgroundProcess.Start("/usr/bin/unshare",
            ["--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh", etcHosts, Binary, paths.ConfigFile],
            Path.Combine(dir, "containerd.log"));
        var c = new ContainerdProcess(paths, bg);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (bg.HasExited)
            {
                break;
            }

            if (File.Exists(paths.Socket) && (await c.CtrAsync("version")).ExitCode == 0)
            {
                return c;
            }

            await Task.Delay(100);
        }

        var log = bg.ReadLog();
        c.Dispose();
        throw new InvalidOperationException($"containerd did not start on {paths.Socket}:\n{log}");
    }

    /// <summary>Runs <c>ctr --address SOCKET --namespace k8s.io ARGS</c> (the CRI namespace).</summary>
    public Task<ExternalProcess.Outcome> CtrAsync(params string[] args) =>
        ExternalProcess.RunAsync(CtrBinary, ["--address", Paths.Socket, "--namespace", "k8s.io", .. args], TimeSpan.FromMinutes(2));

    public string ReadLog() => process.ReadLog();

    public void Dispose()
    {
        process.Dispose();
        // containerd leaves its shim-less state mounts under root/state; nothing is mounted with the native snapshotter.
    }
}
