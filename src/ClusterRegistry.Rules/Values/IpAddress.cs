using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClusterRegistry.Rules.Values;

/// <summary>Strict IPv4/IPv6 literal parsing (no shorthand such as <c>10.1</c>, no leading zeros, no ports).</summary>
public static class IpAddress
{
    /// <summary>Dotted-quad IPv4: four decimal octets 0–255 without leading zeros.</summary>
    public static bool TryParseV4(string? text, out byte[] bytes)
    {
        bytes = new byte[4];
        return IsV4(text, bytes);
    }

    /// <summary>
    /// The one IPv4 grammar, read in one pass without splitting (rules ask this of every host name they see, so it must not
    /// allocate); the octets go to <paramref name="bytes"/> when it is not null.
    /// </summary>
    private static bool IsV4(string? text, byte[]? bytes)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var octet = 0;
        var start = 0;
        for (var i = 0; i <= text!.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }

                continue;
            }

            var length = i - start;
            if (octet == 4 || length == 0 || length > 3 || (length > 1 && text[start] == '0'))
            {
                return false;
            }

            var n = 0;
            for (var j = start; j < i; j++)
            {
                n = (n * 10) + (text[j] - '0');
            }

            if (n > 255)
            {
                return false;
            }

            if (bytes is not null)
            {
                bytes[octet] = (byte)n;
            }

            octet++;
            start = i + 1;
        }

        return octet == 4;
    }

    /// <summary>IPv6 literal (no brackets, no zone id).</summary>
    public static bool TryParseV6(string? text, out byte[] bytes)
    {
        bytes = new byte[16];
        if (string.IsNullOrEmpty(text) || text!.IndexOf(':') < 0 || text.IndexOf('%') >= 0 || text.IndexOf('[') >= 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(Uri.IsHexDigit(c) || c == ':' || c == '.'))
            {
                return false;
            }
        }

        if (!IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        bytes = ip.GetAddressBytes();
        return true;
    }

    /// <summary>IPv4 or IPv6.</summary>
    public static bool TryParse(string? text, out byte[] bytes) => TryParseV4(text, out bytes) || TryParseV6(text, out bytes);

    public static bool IsValid(string? text) => IsV4(text, null) || TryParseV6(text, out _);

    /// <summary>Looks like an attempt at an IPv4 address (only digits and dots), so a hostname check would be misleading.</summary>
    public static bool LooksLikeV4(string? text)
    {
        if (string.IsNullOrEmpty(text) || text!.IndexOf('.') < 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c == '.' || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why <paramref name="text"/> is not an IP address, or null when it is one.</summary>
    public static string? Explain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "empty";
        }

        if (IsValid(text))
        {
            return null;
        }

        if (text!.IndexOf(':') >= 0 && text.IndexOf('.') >= 0 && text.IndexOf("::", StringComparison.Ordinal) < 0 && text.Split(':').Length == 2)
        {
            return "contains a port; expected an address only";
        }

        return text.IndexOf(':') >= 0 ? "not a valid IPv6 address" : "not a valid IPv4 address (four octets 0-255)";
    }
}
