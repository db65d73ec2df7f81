using System;

namespace ClusterRegistry.Rules.Values;

/// <summary>
/// A Spegel <c>mirroredRegistries</c> entry: <c>scheme://host[:port]</c> (no path, query, user info or trailing slash),
/// or the wildcard <c>_default</c> / <c>*</c> (spegel-org/spegel charts/spegel/values.yaml; PRs #954, #985).
/// </summary>
public sealed class RegistryUrl
{
    private RegistryUrl(EndpointUrl? url, bool wildcard)
    {
        Url = url;
        IsWildcard = wildcard;
    }

    /// <summary>The parsed URL; null for the wildcard.</summary>
    public EndpointUrl? Url { get; }

    /// <summary><c>_default</c> or <c>*</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>
    /// The registry host as image references and Talos mirror keys name it: <c>host[:port]</c> as written, or <c>*</c>
    /// for the wildcard.
    /// </summary>
    public string RegistryKey => IsWildcard ? "*" : Url!.HostPort;

    public static bool IsWildcardText(string text) => text == "_default" || text == "*";

    /// <summary>Parses an entry; <paramref name="error"/> says what is wrong and <paramref name="suggestion"/> may hold a corrected value.</summary>
    public static bool TryParse(string? text, out RegistryUrl entry, out string error, out string? suggestion)
    {
        entry = null!;
        suggestion = null;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            error = "empty";
            return false;
        }

        var t = text!;
        if (IsWildcardText(t))
        {
            entry = new RegistryUrl(null, true);
            return true;
        }

        if (t.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            error = "no scheme; entries are scheme://host[:port]";
            var bare = t.TrimEnd('/');
            if (bare.IndexOf('/') < 0 && HostPort.TrySplit(bare, out var h, out _) && HostName.IsValidHost(h))
            {
                suggestion = "https://" + bare;
            }

            return false;
        }

        if (!EndpointUrl.TryParse(t, out var url, out var urlError))
        {
            error = urlError;
            var sep = t.IndexOf("://", StringComparison.Ordinal);
            var hostPart = t.Substring(sep + 3);
            if (IsWildcardText(hostPart) || IsWildcardText(hostPart.TrimEnd('/')))
            {
                error = "the wildcard is written bare, without a scheme";
                suggestion = hostPart.TrimEnd('/');
            }

            return false;
        }

        if (url.HasUserInfo)
        {
            error = "user info is not allowed";
            return false;
        }

        if (url.Path.Length > 0 || url.Query is not null)
        {
            error = url.Path == "/" ? "trailing slash is not allowed" : "a path or query is not allowed";
            suggestion = url.Origin;
            return false;
        }

        entry = new RegistryUrl(url, false);
        return true;
    }

    public static bool TryParse(string? text, out RegistryUrl entry) => TryParse(text, out entry, out _, out _);
}
