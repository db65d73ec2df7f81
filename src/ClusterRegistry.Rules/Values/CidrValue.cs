using System;
using System.Globalization;

namespace ClusterRegistry.Rules.Values
{
    /// <summary>A CIDR block such as <c>10.43.0.0/16</c> (Go <c>net.ParseCIDR</c> rules: host bits may be set).</summary>
    public readonly struct CidrValue
    {
        private CidrValue(IpAddressValue address, int prefixLength, string text)
        {
            Address = address;
            PrefixLength = prefixLength;
            Text = text;
        }

        public IpAddressValue Address { get; }

        public int PrefixLength { get; }

        public string Text { get; }

        public static bool TryParse(string? text, out CidrValue value)
        {
            value = default;
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            var slash = text!.IndexOf('/');
            if (slash <= 0 || slash == text.Length - 1 || !IpAddressValue.TryParse(text.Substring(0, slash), out var ip))
            {
                return false;
            }

            var prefixText = text.Substring(slash + 1);
            if ((prefixText.Length > 1 && prefixText[0] == '0') ||
                !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) ||
                prefix > (ip.IsIPv4 ? 32 : 128))
            {
                return false;
            }

            value = new CidrValue(ip, prefix, text);
            return true;
        }

        public static bool IsValid(string? text) => TryParse(text, out _);

        /// <summary>True when <paramref name="ip"/> is inside this block (same family only).</summary>
        public bool Contains(IpAddressValue ip)
        {
            if (ip.IsIPv4 != Address.IsIPv4)
            {
                return false;
            }

            var a = Address.GetBytes();
            var b = ip.GetBytes();
            var bits = PrefixLength;
            for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
            {
                var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
                if ((a[i] & mask) != (b[i] & mask))
                {
                    return false;
                }
            }

            return true;
        }

        public override string ToString() => Text ?? "";
    }
}
