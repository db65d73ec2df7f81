using System;

namespace ClusterRegistry.Rules.Values;

/// <summary>DNS host names (RFC 1123) and the cluster-DNS names containerd on a node cannot resolve.</summary>
public static class HostName
{
    /// <summary>RFC 1123: labels of 1–63 letters, digits and hyphens, not starting or ending with a hyphen; ≤ 253 chars.</summary>
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var t = text!.EndsWith(".", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
        if (t.Length == 0 || t.Length > 253)
        {
            return false;
        }

        foreach (var label in t.Split('.'))
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }
        }

        return !IpAddress.LooksLikeV4(t);
    }

    /// <summary>A host name or an IP address.</summary>
    public static bool IsValidHost(string? text) => IpAddress.IsValid(text) || IsValid(text);

    /// <summary>
    /// A Kubernetes cluster DNS name (<c>*.svc</c>, <c>*.svc.cluster.local</c>, <c>*.cluster.local</c>): resolvable by
    /// CoreDNS inside pods, not by containerd on the host (siderolabs/talos issues #7096, #13141).
    /// </summary>
    public static bool IsClusterDnsName(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var h = HostPort.HostOf(host!).TrimEnd('.').ToLowerInvariant();
        return h.EndsWith(".svc", StringComparison.Ordinal) || h.EndsWith(".cluster.local", StringComparison.Ordinal);
    }
}
