using System.Diagnostics;

namespace ClusterRegistry.Doctor.Nodes;

/// <summary>
/// Reads a live Talos node the way the seed's Verification and Troubleshooting sections do:
/// <c>talosctl -n IP read PATH</c> and <c>talosctl -n IP ls PATH</c> (<c>ls -l</c> where file ages matter: the ingest check).
/// </summary>
public sealed class TalosctlReader : INodeReader
{
    private readonly string executable;
    private readonly TimeSpan timeout;
    private readonly Func<DateTimeOffset> clock;

    /// <param name="nodeIp">The node, passed as <c>-n</c>.</param>
    /// <param name="executable">talosctl's path or a name looked up on PATH.</param>
    /// <param name="timeout">Per command; a node that does not answer is reported, never waited on forever.</param>
    /// <param name="clock">Now, to place <c>ls -l</c>'s year-less timestamps.</param>
    public TalosctlReader(string nodeIp, string executable = "talosctl", TimeSpan? timeout = null, Func<DateTimeOffset>? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeIp);
        NodeIp = nodeIp;
        this.executable = Resolve(executable) ?? throw new NodeInspectionException(
            $"talosctl is not installed (no '{executable}' on PATH). Install it (https://www.talos.dev/latest/talos-guides/install/talosctl/) " +
            "with a talosconfig that can reach the node, or copy the node's /etc/cri/conf.d, /etc/hosts and containerd ingest folder into a directory and use --root DIR.");
        this.timeout = timeout ?? TimeSpan.FromSeconds(30);
        this.clock = clock ?? (() => DateTimeOffset.Now);
    }

    public string NodeIp { get; }

    public string Description => $"talosctl -n {NodeIp}";

    public async Task<string?> ReadFileAsync(string nodePath, CancellationToken cancellation)
    {
        var r = await RunAsync(cancellation, "-n", NodeIp, "read", nodePath);
        return r.ExitCode == 0 ? r.Stdout : IsNotFound(r.Stderr) ? null : throw Failed(r, "read " + nodePath);
    }

    public async Task<IReadOnlyList<NodeEntry>?> ListAsync(string nodePath, bool withTimes, CancellationToken cancellation)
    {
        var r = withTimes
            ? await RunAsync(cancellation, "-n", NodeIp, "ls", "-l", nodePath)
            : await RunAsync(cancellation, "-n", NodeIp, "ls", nodePath);
        if (r.ExitCode != 0 || (r.Stdout.Trim().Length == 0 && IsNotFound(r.Stderr)))
        {
            return IsNotFound(r.Stderr) ? null : throw Failed(r, "ls " + nodePath);
        }

        return withTimes ? TalosctlListing.ParseLong(r.Stdout, clock()) : TalosctlListing.ParseShort(r.Stdout);
    }

    private static bool IsNotFound(string stderr) =>
        stderr.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase) ||
        stderr.Contains("not a directory", StringComparison.OrdinalIgnoreCase) ||
        stderr.Contains("NotFound", StringComparison.Ordinal);

    private NodeInspectionException Failed(ProcessResult r, string what) => new(
        $"'talosctl -n {NodeIp} {what}' failed (exit {r.ExitCode}): {FirstLine(r.Stderr)}. Check that the node is reachable and your talosconfig has the os:admin role.");

    private static string FirstLine(string s)
    {
        var line = s.Replace("\r\n", "\n").Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        return string.IsNullOrEmpty(line) ? "no error output" : line;
    }

    private async Task<ProcessResult> RunAsync(CancellationToken cancellation, params string[] args)
    {
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new NodeInspectionException($"could not start {executable}");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        cts.CancelAfter(timeout);
        var stdout = p.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = p.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await p.WaitForExitAsync(cts.Token);
            return new ProcessResult(p.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            p.Kill(entireProcessTree: true);
            throw new NodeInspectionException($"'talosctl {string.Join(' ', args)}' did not answer within {timeout.TotalSeconds:0}s; is the node reachable?");
        }
    }

    private static string? Resolve(string name)
    {
        if (name.Contains('/'))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
}
