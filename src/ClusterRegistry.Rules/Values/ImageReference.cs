using System;
using System.Text.RegularExpressions;

namespace ClusterRegistry.Rules.Values;

/// <summary>
/// A container image reference parsed with the docker reference grammar (distribution/reference): the first path
/// component is a registry host when it contains <c>.</c> or <c>:</c>, is <c>localhost</c>, or has upper-case letters;
/// otherwise the registry is <c>docker.io</c> (and single-component names get <c>library/</c>).
/// </summary>
public sealed class ImageReference
{
    private static readonly Regex PathComponent = new("^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant);
    private static readonly Regex Digest = new("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$", RegexOptions.CultureInvariant);

    private ImageReference(string registry, string repository, string? tag, string? digest, bool explicitRegistry)
    {
        Registry = registry;
        Repository = repository;
        TagName = tag;
        DigestText = digest;
        HasExplicitRegistry = explicitRegistry;
    }

    /// <summary>The registry host[:port], e.g. <c>192.168.1.105</c> or <c>docker.io</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository path, e.g. <c>library/myapp</c>.</summary>
    public string Repository { get; }

    public string? TagName { get; }

    public string? DigestText { get; }

    public bool HasExplicitRegistry { get; }

    /// <summary>The first path component: the Harbor project for Harbor-hosted images.</summary>
    public string FirstPathComponent
    {
        get
        {
            var slash = Repository.IndexOf('/');
            return slash < 0 ? Repository : Repository.Substring(0, slash);
        }
    }

    /// <summary>An OCI tag (distribution spec: <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>), for images and OCI charts alike.</summary>
    public static bool IsTag(string? value) => value is not null && Tag.IsMatch(value);

    public static bool TryParse(string? text, out ImageReference reference) => TryParse(text, out reference, out _);

    public static bool TryParse(string? text, out ImageReference reference, out string error)
    {
        reference = null!;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            error = "empty";
            return false;
        }

        var t = text!;
        if (t.Length > 255 + 256 || t.Trim() != t)
        {
            error = "contains whitespace or is too long";
            return false;
        }

        string? digest = null;
        var at = t.IndexOf('@');
        if (at >= 0)
        {
            digest = t.Substring(at + 1);
            t = t.Substring(0, at);
            if (!Digest.IsMatch(digest))
            {
                error = "invalid digest '" + digest + "'";
                return false;
            }
        }

        string? tag = null;
        var lastSlash = t.LastIndexOf('/');
        var colon = t.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = t.Substring(colon + 1);
            t = t.Substring(0, colon);
            if (!Tag.IsMatch(tag))
            {
                error = "invalid tag '" + tag + "'";
                return false;
            }
        }

        var registry = "docker.io";
        var explicitRegistry = false;
        var path = t;
        var firstSlash = t.IndexOf('/');
        if (firstSlash > 0)
        {
            var first = t.Substring(0, firstSlash);
            if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost" || first.ToLowerInvariant() != first)
            {
                if (!HostPort.TrySplit(first, out var host, out _) || !HostName.IsValidHost(host))
                {
                    error = "invalid registry host '" + first + "'";
                    return false;
                }

                registry = first;
                explicitRegistry = true;
                path = t.Substring(firstSlash + 1);
            }
        }

        if (path.Length == 0)
        {
            error = "no repository name";
            return false;
        }

        foreach (var component in path.Split('/'))
        {
            if (!PathComponent.IsMatch(component))
            {
                error = "invalid repository path component '" + component + "' (lower-case letters, digits and separators)";
                return false;
            }
        }

        if (!explicitRegistry && path.IndexOf('/') < 0)
        {
            path = "library/" + path;
        }

        reference = new ImageReference(registry, path, tag, digest, explicitRegistry);
        return true;
    }

    public override string ToString() => Registry + "/" + Repository + (TagName is null ? "" : ":" + TagName) + (DigestText is null ? "" : "@" + DigestText);
}
