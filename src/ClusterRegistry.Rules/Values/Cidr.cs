using System.Globalization;

namespace ClusterRegistry.Rules.Values;

/// <summary>A CIDR block such as <c>10.43.0.0/16</c> or <c>fd00::/108</c>.</summary>
public sealed class Cidr
{
    private Cidr(byte[] network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    public byte[] Network { get; }

    public int PrefixLength { get; }

    /// <summary>Parses <c>address/prefix</c>. Host bits may be set (as Kubernetes accepts them for service CIDRs).</summary>
    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = null!;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text!.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1)
        {
            return false;
        }

        var addr = text.Substring(0, slash);
        var len = text.Substring(slash + 1);
        if (!IpAddress.TryParse(addr, out var bytes))
        {
            return false;
        }

        foreach (var c in len)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        if (len.Length > 3 || (len.Length > 1 && len[0] == '0'))
        {
            return false;
        }

        var prefix = int.Parse(len, NumberStyles.None, CultureInfo.InvariantCulture);
        if (prefix > bytes.Length * 8)
        {
            return false;
        }

        cidr = new Cidr(bytes, prefix);
        return true;
    }

    /// <summary>True when <paramref name="ip"/> parses and lies inside the block (same family).</summary>
    public bool Contains(string? ip)
    {
        if (!IpAddress.TryParse(ip, out var bytes) || bytes.Length != Network.Length)
        {
            return false;
        }

        var bits = PrefixLength;
        for (var i = 0; i < bytes.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((bytes[i] & mask) != (Network[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
