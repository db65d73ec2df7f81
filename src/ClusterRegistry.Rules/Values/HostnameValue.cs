using System;

namespace ClusterRegistry.Rules.Values
{
    /// <summary>DNS names (RFC 1123) and registry hosts (<c>host[:port]</c>, as in image references and Talos keys).</summary>
    public static class HostnameValue
    {
        /// <summary>An RFC 1123 host name: dot-separated labels of 1–63 letters, digits and hyphens, not starting or ending with a hyphen; at most 253 characters.</summary>
        public static bool IsValid(string? name)
        {
            if (string.IsNullOrEmpty(name) || name!.Length > 253 || name.EndsWith(".", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var label in name.Split('.'))
            {
                if (!IsLabel(label))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A Kubernetes DNS-1123 label (namespaces, Service names): lowercase, 1–63 characters.</summary>
        public static bool IsDns1123Label(string? label) =>
            !string.IsNullOrEmpty(label) && IsLabel(label!) && label == label!.ToLowerInvariant();

        /// <summary>
        /// <c>host[:port]</c> where host is a DNS name, an IPv4 address or a bracketed IPv6 address and port is 1–65535:
        /// the registry part of an image reference, a Talos mirror or auth key.
        /// </summary>
        public static bool IsRegistryHost(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            var host = text!;
            string? port = null;
            if (host.StartsWith("[", StringComparison.Ordinal))
            {
                var end = host.IndexOf(']');
                if (end < 0)
                {
                    return false;
                }

                var inner = host.Substring(1, end - 1);
                var rest = host.Substring(end + 1);
                if (rest.Length > 0)
                {
                    if (!rest.StartsWith(":", StringComparison.Ordinal))
                    {
                        return false;
                    }

                    port = rest.Substring(1);
                }

                return inner.IndexOf(':') >= 0 && IpAddressValue.IsValid(inner) && (port == null || IsPort(port));
            }

            var colon = host.LastIndexOf(':');
            if (colon >= 0)
            {
                port = host.Substring(colon + 1);
                host = host.Substring(0, colon);
                if (!IsPort(port))
                {
                    return false;
                }
            }

            return IpAddressValue.IsValid(host) || (IsValid(host) && !LooksNumeric(host));
        }

        /// <summary>A TCP port 1–65535 without sign or leading zeros.</summary>
        public static bool IsPort(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.Length > 5 || (text.Length > 1 && text[0] == '0'))
            {
                return false;
            }

            var n = 0;
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }

                n = (n * 10) + (c - '0');
            }

            return n >= 1 && n <= 65535;
        }

        private static bool IsLabel(string label)
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>All-digit-and-dot names ("192.168.1") are malformed IPs, not host names.</summary>
        private static bool LooksNumeric(string host)
        {
            foreach (var c in host)
            {
                if (!((c >= '0' && c <= '9') || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
