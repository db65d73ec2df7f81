using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClusterRegistry.Rules.Values
{
    /// <summary>
    /// A strictly parsed IP address: IPv4 only as four decimal octets (no "192.168.1", no leading zeros, no hex), IPv6
    /// in RFC 4291 text form. Unlike <see cref="IPAddress.TryParse(string, out IPAddress)"/> it rejects the shorthand
    /// forms that Go's <c>net.ParseIP</c> (Talos, Kubernetes) rejects.
    /// </summary>
    public readonly struct IpAddressValue : IEquatable<IpAddressValue>
    {
        private readonly byte[] bytes;

        private IpAddressValue(byte[] bytes, string text)
        {
            this.bytes = bytes;
            Text = text;
        }

        /// <summary>The text as given.</summary>
        public string Text { get; }

        public bool IsIPv4 => bytes != null && bytes.Length == 4;

        /// <summary>The address bytes (4 or 16).</summary>
        public byte[] GetBytes() => (byte[])bytes.Clone();

        /// <summary>127.0.0.0/8 or ::1.</summary>
        public bool IsLoopback => IsIPv4 ? bytes[0] == 127 : IPAddress.IsLoopback(new IPAddress(bytes));

        public static bool TryParse(string? text, out IpAddressValue value)
        {
            value = default;
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            if (text!.IndexOf(':') < 0)
            {
                var parts = text.Split('.');
                if (parts.Length != 4)
                {
                    return false;
                }

                var b = new byte[4];
                for (var i = 0; i < 4; i++)
                {
                    var p = parts[i];
                    if (p.Length == 0 || p.Length > 3 || (p.Length > 1 && p[0] == '0'))
                    {
                        return false;
                    }

                    foreach (var c in p)
                    {
                        if (c < '0' || c > '9')
                        {
                            return false;
                        }
                    }

                    var n = int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture);
                    if (n > 255)
                    {
                        return false;
                    }

                    b[i] = (byte)n;
                }

                value = new IpAddressValue(b, text);
                return true;
            }

            if (text.IndexOf('%') >= 0 || text.IndexOf('[') >= 0 || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            value = new IpAddressValue(ip.GetAddressBytes(), text);
            return true;
        }

        public static bool IsValid(string? text) => TryParse(text, out _);

        public bool Equals(IpAddressValue other)
        {
            if (bytes == null || other.bytes == null || bytes.Length != other.bytes.Length)
            {
                return bytes == other.bytes;
            }

            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != other.bytes[i])
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is IpAddressValue o && Equals(o);

        public override int GetHashCode()
        {
            var h = 17;
            if (bytes != null)
            {
                foreach (var b in bytes)
                {
                    h = (h * 31) + b;
                }
            }

            return h;
        }

        public override string ToString() => Text ?? "";
    }
}
