using System.Text.RegularExpressions;

namespace ClusterRegistry.Probe.Oci;

/// <summary>
/// An image reference as pods write it: <c>[registry[:port]/]repository[:tag][@digest]</c>. A first component with a dot, a
/// colon or <c>localhost</c> is the registry; otherwise the registry is Docker Hub (and one-word names gain <c>library/</c>).
/// </summary>
public sealed partial class ImageReference
{
    private ImageReference(string original, string registry, string repository, string? tag, string? digest)
    {
        Original = original;
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    /// <summary>The registry host[:port] as written (<c>docker.io</c> for Docker Hub).</summary>
    public string Registry { get; }

    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>The reference sent to <c>/manifests/</c>: the digest when given, else the tag (<c>latest</c> by default).</summary>
    public string Reference => Digest ?? Tag ?? "latest";

    /// <summary>The host the API is served on: Docker Hub's API host for <c>docker.io</c>.</summary>
    public string ApiHost => Registry == "docker.io" ? "registry-1.docker.io" : Registry;

    /// <summary>The pull scope for the token service.</summary>
    public string PullScope => $"repository:{Repository}:pull";

    public static ImageReference Parse(string text)
    {
        if (!TryParse(text, out var r, out var error))
        {
            throw new FormatException(error);
        }

        return r;
    }

    public static bool TryParse(string? text, out ImageReference reference, out string error)
    {
        reference = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the image reference is empty";
            return false;
        }

        var s = text.Trim();
        string? digest = null;
        var at = s.IndexOf('@');
        if (at >= 0)
        {
            digest = s[(at + 1)..];
            s = s[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                error = $"'{text}': '{digest}' is not a digest (algorithm:hex)";
                return false;
            }
        }

        var registry = "docker.io";
        var slash = s.IndexOf('/');
        if (slash > 0)
        {
            var first = s[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost")
            {
                registry = first;
                s = s[(slash + 1)..];
            }
        }

        string? tag = null;
        var colon = s.LastIndexOf(':');
        if (colon > s.LastIndexOf('/'))
        {
            tag = s[(colon + 1)..];
            s = s[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"'{text}': '{tag}' is not a valid tag";
                return false;
            }
        }

        if (registry == "docker.io" && !s.Contains('/'))
        {
            s = "library/" + s;
        }

        if (!NamePattern().IsMatch(s))
        {
            error = $"'{text}': '{s}' is not a valid repository name";
            return false;
        }

        if (tag is null && digest is null)
        {
            tag = "latest";
        }

        reference = new ImageReference(text.Trim(), registry, s, tag, digest);
        error = "";
        return true;
    }

    public override string ToString() => Original;

    [GeneratedRegex("^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[a-z0-9]+([+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$")]
    private static partial Regex DigestPattern();
}
