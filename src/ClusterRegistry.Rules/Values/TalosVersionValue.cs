using System;
using System.Globalization;

namespace ClusterRegistry.Rules.Values;

/// <summary>A Talos minor version (<c>v1.11</c>, <c>1.11</c>, <c>v1.11.6</c>; the patch is ignored), as the model parses it.</summary>
public readonly struct TalosVersionValue : IComparable<TalosVersionValue>, IEquatable<TalosVersionValue>
{
    public TalosVersionValue(int major, int minor)
    {
        Major = major;
        Minor = minor;
    }

    public int Major { get; }

    public int Minor { get; }

    public static TalosVersionValue V1_8 => new(1, 8);

    public static TalosVersionValue V1_11 => new(1, 11);

    public static TalosVersionValue V1_12 => new(1, 12);

    public static TalosVersionValue V1_14 => new(1, 14);

    public static bool TryParse(string? text, out TalosVersionValue version)
    {
        version = default;
        if (string.IsNullOrEmpty(text) || text!.Trim().Length == 0)
        {
            return false;
        }

        var t = text.Trim();
        if (t.StartsWith("v", StringComparison.Ordinal) || t.StartsWith("V", StringComparison.Ordinal))
        {
            t = t.Substring(1);
        }

        var dash = t.IndexOf('-');
        if (dash >= 0)
        {
            t = t.Substring(0, dash);
        }

        var parts = t.Split('.');
        if (parts.Length < 2 || parts.Length > 3 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ||
            (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }

        version = new TalosVersionValue(major, minor);
        return true;
    }

    public int CompareTo(TalosVersionValue other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public bool Equals(TalosVersionValue other) => Major == other.Major && Minor == other.Minor;

    public override bool Equals(object? obj) => obj is TalosVersionValue v && Equals(v);

    public override int GetHashCode() => (Major * 397) ^ Minor;

    public static bool operator <(TalosVersionValue a, TalosVersionValue b) => a.CompareTo(b) < 0;

    public static bool operator >(TalosVersionValue a, TalosVersionValue b) => a.CompareTo(b) > 0;

    public static bool operator <=(TalosVersionValue a, TalosVersionValue b) => a.CompareTo(b) <= 0;

    public static bool operator >=(TalosVersionValue a, TalosVersionValue b) => a.CompareTo(b) >= 0;

    public override string ToString() => "v" + Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
}
