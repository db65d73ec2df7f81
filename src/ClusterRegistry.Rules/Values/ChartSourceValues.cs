using System.Text.RegularExpressions;

namespace ClusterRegistry.Rules.Values;

/// <summary>The value shapes of a Flux <c>OCIRepository</c> (source-controller's CRD and the OCI distribution spec).</summary>
public static class ChartSourceValues
{
    // The CRD's pattern for spec.interval.
    private static readonly Regex Interval = new("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$", RegexOptions.CultureInvariant);

    // OCI image spec registered algorithms: sha256 (64 hex) and sha512 (128 hex), lowercase.
    private static readonly Regex Digest = new("^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$", RegexOptions.CultureInvariant);

    /// <summary><c>oci://host[:port]/path</c>: a registry host and a repository path naming the chart.</summary>
    public static bool IsOciUrl(string? url)
    {
        const string scheme = "oci://";
        if (url is null || !url.StartsWith(scheme, System.StringComparison.Ordinal))
        {
            return false;
        }

        var rest = url.Substring(scheme.Length).TrimEnd('/');
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1 || rest.IndexOf('?') >= 0 || rest.IndexOf('#') >= 0 || rest.IndexOf('@') >= 0 || rest.IndexOf(' ') >= 0)
        {
            return false;
        }

        return EndpointUrl.TryParse("https://" + rest, out _);
    }

    public static bool IsInterval(string? value) => value is not null && Interval.IsMatch(value);

    public static bool IsTag(string? value) => ImageReference.IsTag(value);

    public static bool IsDigest(string? value) => value is not null && Digest.IsMatch(value);
}
