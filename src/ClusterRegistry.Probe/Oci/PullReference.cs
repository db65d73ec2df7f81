namespace ClusterRegistry.Probe.Oci;

/// <summary>
/// An image reference as pods write it: <c>[registry[:port]/]repository[:tag][@digest]</c>, resolved for one pull (the API
/// host, the manifest reference, the token scope). A first component with a dot, a colon or <c>localhost</c> is the
/// registry; otherwise the registry is Docker Hub (and one-word names gain <c>library/</c>). Parsed by the rules'
/// <see cref="Rules.Values.ImageReference"/>, the one grammar; this type adds only what the puller needs.
/// </summary>
public sealed class PullReference
{
    private PullReference(string original, string registry, string repository, string? tag, string? digest)
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

    public static PullReference Parse(string text)
    {
        if (!TryParse(text, out var r, out var error))
        {
            throw new FormatException(error);
        }

        return r;
    }

    /// <summary>
    /// Parses with the rule engine's docker reference grammar (distribution/reference), the one <c>check</c> and the
    /// analyzers judge stacks by, so the probe never accepts an image the rules reject or the reverse.
    /// </summary>
    public static bool TryParse(string? text, out PullReference reference, out string error)
    {
        reference = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the image reference is empty";
            return false;
        }

        var trimmed = text.Trim();
        if (!Rules.Values.ImageReference.TryParse(trimmed, out var parsed, out var why))
        {
            error = $"'{trimmed}' is not an image reference: {why}";
            return false;
        }

        var tag = parsed.TagName ?? (parsed.DigestText is null ? "latest" : null);
        reference = new PullReference(trimmed, parsed.Registry, parsed.Repository, tag, parsed.DigestText);
        error = "";
        return true;
    }

    public override string ToString() => Original;
}
