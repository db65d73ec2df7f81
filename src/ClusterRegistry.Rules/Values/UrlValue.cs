using System;

namespace ClusterRegistry.Rules.Values
{
    /// <summary>
    /// An absolute URL split like Go's <c>url.Parse</c> for the forms registries use: <c>scheme://host[:port][/path]</c>.
    /// The host must be a DNS name, IPv4 or bracketed IPv6 address.
    /// </summary>
    public sealed class UrlValue
    {
        private UrlValue(string text, string scheme, string host, string path, string query, bool hasUserInfo)
        {
            Text = text;
            Scheme = scheme;
            Host = host;
            Path = path;
            Query = query;
            HasUserInfo = hasUserInfo;
        }

        public string Text { get; }

        /// <summary>Lowercase scheme, e.g. <c>https</c>.</summary>
        public string Scheme { get; }

        /// <summary><c>host[:port]</c> (Go's <c>url.URL.Host</c>).</summary>
        public string Host { get; }

        /// <summary>The path ("" when none).</summary>
        public string Path { get; }

        public string Query { get; }

        public bool HasUserInfo { get; }

        /// <param name="text">The URL.</param>
        /// <param name="allowedSchemes">Accepted schemes (default http and https).</param>
        /// <param name="value">The parsed URL.</param>
        public static bool TryParse(string? text, string[]? allowedSchemes, out UrlValue? value)
        {
            value = null;
            if (string.IsNullOrEmpty(text) || text!.Trim() != text)
            {
                return false;
            }

            var sep = text.IndexOf("://", StringComparison.Ordinal);
            if (sep <= 0)
            {
                return false;
            }

            var scheme = text.Substring(0, sep).ToLowerInvariant();
            var schemes = allowedSchemes ?? new[] { "http", "https" };
            if (Array.IndexOf(schemes, scheme) < 0)
            {
                return false;
            }

            var rest = text.Substring(sep + 3);
            var query = "";
            var q = rest.IndexOfAny(new[] { '?', '#' });
            if (q >= 0)
            {
                query = rest.Substring(q);
                rest = rest.Substring(0, q);
            }

            var slash = rest.IndexOf('/');
            var authority = slash >= 0 ? rest.Substring(0, slash) : rest;
            var path = slash >= 0 ? rest.Substring(slash) : "";
            var at = authority.LastIndexOf('@');
            var userInfo = at >= 0;
            if (userInfo)
            {
                authority = authority.Substring(at + 1);
            }

            if (!HostnameValue.IsRegistryHost(authority) || path.IndexOf(' ') >= 0)
            {
                return false;
            }

            value = new UrlValue(text, scheme, authority, path, query, userInfo);
            return true;
        }

        public static bool IsValid(string? text, params string[] allowedSchemes) =>
            TryParse(text, allowedSchemes.Length == 0 ? null : allowedSchemes, out _);

        public override string ToString() => Text;
    }
}
