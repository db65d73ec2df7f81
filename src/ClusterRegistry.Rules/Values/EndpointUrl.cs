using System;
using System.Collections.Generic;
using System.Globalization;

namespace ClusterRegistry.Rules.Values;

/// <summary>
/// An http(s) URL as used by Talos mirror endpoints, Spegel's <c>mirroredRegistries</c> and Harbor's <c>externalURL</c>:
/// <c>scheme://host[:port][/path]</c>.
/// </summary>
public sealed class EndpointUrl
{
    private EndpointUrl(string scheme, string host, int? port, string path, string? query, bool hasUserInfo)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        Path = path;
        Query = query;
        HasUserInfo = hasUserInfo;
    }

    /// <summary>Lower-case scheme, e.g. <c>http</c>.</summary>
    public string Scheme { get; }

    /// <summary>The host (IPv6 without brackets).</summary>
    public string Host { get; }

    public int? Port { get; }

    /// <summary>The path including the leading <c>/</c>, or "".</summary>
    public string Path { get; }

    public string? Query { get; }

    public bool HasUserInfo { get; }

    public int DefaultPort => Scheme == "https" ? 443 : 80;

    private string HostText => Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host;

    /// <summary><c>host[:port]</c> as written (port kept even when default).</summary>
    public string HostPort => Port is null ? HostText : HostText + ":" + Port.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>host[:port]</c> with the scheme's default port dropped: the key containerd looks auth up by.</summary>
    public string HostPortWithoutDefault => Port is null || Port.Value == DefaultPort ? HostText : HostPort;

    /// <summary><c>scheme://host[:port]</c>.</summary>
    public string Origin => Scheme + "://" + HostPort;

    /// <summary>Parses an absolute http/https URL; false on anything else.</summary>
    public static bool TryParse(string? text, out EndpointUrl url) => TryParse(text, out url, out _);

    /// <summary>Parses; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string? text, out EndpointUrl url, out string error)
    {
        // Rules parse the same few URLs of a stack over and over (every endpoint against every Harbor); the result is a
        // pure function of the text and an EndpointUrl is immutable, so each thread keeps the last ones it parsed.
        if (text is null)
        {
            return Parse(text, out url, out error);
        }

        var memo = recent ??= new Dictionary<string, Parsed>(StringComparer.Ordinal);
        if (memo.TryGetValue(text, out var hit))
        {
            url = hit.Url!;
            error = hit.Error;
            return hit.Url is not null;
        }

        if (memo.Count >= RecentLimit)
        {
            memo.Clear();
        }

        var ok = Parse(text, out url, out error);
        memo[text] = new Parsed(ok ? url : null, error);
        return ok;
    }

    private const int RecentLimit = 256;

    // A class, not a tuple: Dictionary<string, reference type> is the shared instantiation the runtime ships precompiled,
    // where a struct value would be jitted anew in every cold compiler process.
    [ThreadStatic]
    private static Dictionary<string, Parsed>? recent;

    private sealed class Parsed
    {
        public Parsed(EndpointUrl? url, string error)
        {
            Url = url;
            Error = error;
        }

        public EndpointUrl? Url { get; }

        public string Error { get; }
    }

    private static bool Parse(string? text, out EndpointUrl url, out string error)
    {
        url = null!;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            error = "empty";
            return false;
        }

        var t = text!;
        var sep = t.IndexOf("://", StringComparison.Ordinal);
        if (sep < 0)
        {
            error = "no scheme (expected http:// or https://)";
            return false;
        }

        var scheme = t.Substring(0, sep).ToLowerInvariant();
        if (scheme != "http" && scheme != "https")
        {
            error = "scheme '" + scheme + "' is not http or https";
            return false;
        }

        var rest = t.Substring(sep + 3);
        string? query = null;
        var q = rest.IndexOfAny(new[] { '?', '#' });
        if (q >= 0)
        {
            query = rest.Substring(q);
            rest = rest.Substring(0, q);
        }

        var slash = rest.IndexOf('/');
        var authority = slash >= 0 ? rest.Substring(0, slash) : rest;
        var path = slash >= 0 ? rest.Substring(slash) : "";
        var userInfo = false;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userInfo = true;
            authority = authority.Substring(at + 1);
        }

        if (authority.Length == 0)
        {
            error = "no host";
            return false;
        }

        if (!Values.HostPort.TrySplit(authority, out var host, out var port))
        {
            error = "invalid port in '" + authority + "'";
            return false;
        }

        if (!HostName.IsValidHost(host))
        {
            error = "'" + host + "' is not a valid host name or IP address";
            return false;
        }

        url = new EndpointUrl(scheme, host, port, path, query, userInfo);
        return true;
    }

    public override string ToString() => Origin + Path + (Query ?? "");
}
