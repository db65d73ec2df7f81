using System;
using System.Text.RegularExpressions;

namespace ClusterRegistry.Rules.Values
{
    /// <summary>
    /// An image reference in the distribution/reference grammar: <c>[registry/]path[:tag][@digest]</c>. The first
    /// component is the registry when it contains a dot or a colon or is <c>localhost</c>; otherwise the registry is
    /// <c>docker.io</c> (and a one-component path gets <c>library/</c>).
    /// </summary>
    public sealed class ImageReferenceValue
    {
        private static readonly Regex PathComponent = new("^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$", RegexOptions.CultureInvariant);
        private static readonly Regex Tag = new("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant);
        private static readonly Regex Digest = new("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$", RegexOptions.CultureInvariant);

        private ImageReferenceValue(string text, string registry, string repository, string? tag, string? digest)
        {
            Text = text;
            Registry = registry;
            Repository = repository;
            TagName = tag;
            DigestText = digest;
        }

        public string Text { get; }

        /// <summary>The registry host[:port], <c>docker.io</c> when none is given.</summary>
        public string Registry { get; }

        /// <summary>The repository path inside the registry, e.g. <c>library/myapp</c>.</summary>
        public string Repository { get; }

        public string? TagName { get; }

        public string? DigestText { get; }

        public static bool TryParse(string? text, out ImageReferenceValue? value)
        {
            value = null;
            if (string.IsNullOrEmpty(text) || text!.Length > 255 + 128 + 80)
            {
                return false;
            }

            var rest = text;
            string? digest = null;
            var at = rest.IndexOf('@');
            if (at >= 0)
            {
                digest = rest.Substring(at + 1);
                rest = rest.Substring(0, at);
                if (!Digest.IsMatch(digest))
                {
                    return false;
                }
            }

            string? tag = null;
            var lastSlash = rest.LastIndexOf('/');
            var colon = rest.LastIndexOf(':');
            if (colon > lastSlash)
            {
                tag = rest.Substring(colon + 1);
                rest = rest.Substring(0, colon);
                if (!Tag.IsMatch(tag))
                {
                    return false;
                }
            }

            var components = rest.Split('/');
            var registry = "docker.io";
            var start = 0;
            if (components.Length > 1 && (components[0].IndexOf('.') >= 0 || components[0].IndexOf(':') >= 0 || components[0] == "localhost"))
            {
                registry = components[0];
                if (!HostnameValue.IsRegistryHost(registry))
                {
                    return false;
                }

                start = 1;
            }

            if (start >= components.Length)
            {
                return false;
            }

            for (var i = start; i < components.Length; i++)
            {
                if (!PathComponent.IsMatch(components[i]))
                {
                    return false;
                }
            }

            var repository = string.Join("/", components, start, components.Length - start);
            if (registry == "docker.io" && components.Length - start == 1)
            {
                repository = "library/" + repository;
            }

            value = new ImageReferenceValue(text, registry, repository, tag, digest);
            return true;
        }

        public static bool IsValid(string? text) => TryParse(text, out _);

        public override string ToString() => Text;
    }
}
