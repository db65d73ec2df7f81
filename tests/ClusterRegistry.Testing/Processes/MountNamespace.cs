namespace ClusterRegistry.Testing.Processes;

/// <summary>
/// Runs a command in a mount namespace of its own (<c>unshare --mount --propagation private</c>) with files bind-mounted over
/// system files (e.g. /etc/resolv.conf), so the command sees them and the machine's files are never touched. Needs root.
/// </summary>
public static class MountNamespace
{
    public const string Unshare = "/usr/bin/unshare";

    /// <summary>Why this machine cannot do it (not root, no unshare), or null.</summary>
    public static string? WhyUnavailable() =>
        !File.Exists(Unshare) ? $"{Unshare} is not installed (util-linux)"
        : Containerd.ContainerdProcess.GetEuid() != 0 ? "mount namespaces need root"
        : null;

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> where each key of <paramref name="overlays"/> (a system path) shows the content of the value (a file).</summary>
    public static Task<ExternalProcess.Outcome> RunAsync(
        IReadOnlyDictionary<string, string> overlays, string file, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        // sh -c 'mount --bind SRC1 DST1 && ... && exec "$@"' sh FILE ARGS...
        var script = string.Join(" && ", overlays.Select((_, i) => $"mount --bind \"${{OVERLAY_SRC_{i}}}\" \"${{OVERLAY_DST_{i}}}\"").Append("exec \"$@\""));
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        var index = 0;
        foreach (var (target, source) in overlays)
        {
            env[$"OVERLAY_SRC_{index}"] = source;
            env[$"OVERLAY_DST_{index}"] = target;
            index++;
        }

        return ExternalProcess.RunAsync(Unshare, ["--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh", file, .. args], timeout, environment: env);
    }
}
