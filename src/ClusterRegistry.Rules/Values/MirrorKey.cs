using System;

namespace ClusterRegistry.Rules.Values;

/// <summary>
/// A Talos mirror key or registry config key: <c>host[:port]</c> or <c>*</c> (siderolabs/talos
/// pkg/machinery/config/types/v1alpha1/v1alpha1_types.go <c>RegistriesConfig</c>). No scheme, path or trailing slash.
/// </summary>
public static class MirrorKey
{
    /// <summary>Checks a key; <paramref name="problem"/> names the defect and <paramref name="stripped"/> is the key without it.</summary>
    public static bool IsValid(string? key, out string problem, out string? stripped)
    {
        problem = "";
        stripped = null;
        if (string.IsNullOrEmpty(key))
        {
            problem = "empty";
            return false;
        }

        var k = key!;
        if (k == "*")
        {
            return true;
        }

        var rest = k;
        var hasScheme = false;
        var sep = k.IndexOf("://", StringComparison.Ordinal);
        if (sep >= 0)
        {
            hasScheme = true;
            rest = k.Substring(sep + 3);
        }

        var slash = rest.IndexOf('/');
        var hasPath = slash >= 0 && slash < rest.Length - 1;
        var trailing = rest.EndsWith("/", StringComparison.Ordinal);
        var hostPart = slash >= 0 ? rest.Substring(0, slash) : rest;
        if (hasScheme || hasPath || trailing)
        {
            problem = hasScheme ? "contains a scheme" : hasPath ? "contains a path" : "has a trailing slash";
            stripped = hostPart.Length > 0 ? hostPart : null;
            return false;
        }

        if (!HostPort.TrySplit(k, out var host, out _) || !HostName.IsValidHost(host))
        {
            problem = "is not host[:port]";
            return false;
        }

        return true;
    }

    public static bool IsValid(string? key) => IsValid(key, out _, out _);
}
