using System.Text.RegularExpressions;

namespace ClusterRegistry.Doctor.Containerd;

/// <summary>
/// containerd/Talos registry directory names (siderolabs/talos internal/pkg/containers/cri/containerd/hosts.go
/// <c>hostDirectory</c>; containerd core/remotes/docker/config/hosts.go <c>hostPaths</c>): <c>*</c> ↔ <c>_default</c>,
/// <c>host:port</c> ↔ <c>host_port_</c> (Spegel writes <c>host:port</c> verbatim).
/// </summary>
public static partial class HostDirectoryName
{
    public const string Default = "_default";

    /// <summary>The registry a directory configures: <c>_default</c> → <c>*</c>, <c>h_5000_</c> → <c>h:5000</c>.</summary>
    public static string ToRegistry(string dir)
    {
        if (dir == Default)
        {
            return "*";
        }

        var m = PortDir().Match(dir);
        return m.Success ? m.Groups[1].Value + ":" + m.Groups[2].Value : dir;
    }

    [GeneratedRegex(@"^(.+)_(\d+)_$")]
    private static partial Regex PortDir();
}
