using System;
using System.Globalization;

namespace ClusterRegistry.Rules.Values;

/// <summary><c>host[:port]</c> helpers (IPv6 hosts in brackets).</summary>
public static class HostPort
{
    /// <summary>Splits <c>host[:port]</c>; port is null when absent. False when the port is not 1–65535 or brackets are unbalanced.</summary>
    public static bool TrySplit(string text, out string host, out int? port)
    {
        host = text;
        port = null;
        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = text.Substring(1, close - 1);
            var rest = text.Substring(close + 1);
            if (rest.Length == 0)
            {
                return true;
            }

            if (rest[0] != ':')
            {
                return false;
            }

            return TryPort(rest.Substring(1), out port);
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        if (text.IndexOf(':') != colon)
        {
            // A bare IPv6 address without brackets: no port.
            return true;
        }

        host = text.Substring(0, colon);
        return TryPort(text.Substring(colon + 1), out port);
    }

    private static bool TryPort(string s, out int? port)
    {
        port = null;
        if (s.Length == 0 || s.Length > 5)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        var p = int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        if (p < 1 || p > 65535)
        {
            return false;
        }

        port = p;
        return true;
    }

    /// <summary>The host part of <c>host[:port]</c>.</summary>
    public static string HostOf(string text) => TrySplit(text, out var h, out _) ? h : text;

    /// <summary>Lower-cased, trailing dot removed.</summary>
    /// <remarks>
    /// On .NET each step returns the same string when it changes nothing, so an already-normal host is not copied; the three
    /// calls are precompiled in the runtime, where a hand-written loop here would run unoptimized in a cold compiler.
    /// </remarks>
    public static string Normalize(string text) => text.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>
    /// The directory Talos and containerd use for a registry: <c>*</c> → <c>_default</c>, <c>host:port</c> →
    /// <c>host_port_</c> (siderolabs/talos internal/pkg/containers/cri/containerd/hosts.go <c>hostDirectory</c>;
    /// containerd docs/hosts.md).
    /// </summary>
    public static string TalosDirectoryName(string key)
    {
        if (key == "*")
        {
            return "_default";
        }

        return TrySplit(key, out var host, out var port) && port is not null ? host + "_" + port.Value.ToString(CultureInfo.InvariantCulture) + "_" : key;
    }
}
