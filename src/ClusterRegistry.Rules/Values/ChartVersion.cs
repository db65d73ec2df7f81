using System;
using System.Globalization;

namespace ClusterRegistry.Rules.Values;

/// <summary>A Helm chart version <c>[v]major.minor[.patch][-pre]</c>, compared on major and minor.</summary>
public readonly struct ChartVersion
{
    public ChartVersion(int major, int minor, int patch)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    public static bool TryParse(string? text, out ChartVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var t = text!.Trim();
        if (t.StartsWith("v", StringComparison.Ordinal))
        {
            t = t.Substring(1);
        }

        var cut = t.IndexOfAny(new[] { '-', '+' });
        if (cut >= 0)
        {
            t = t.Substring(0, cut);
        }

        var parts = t.Split('.');
        if (parts.Length < 2 || parts.Length > 3)
        {
            return false;
        }

        var nums = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out nums[i]))
            {
                return false;
            }
        }

        version = new ChartVersion(nums[0], nums[1], nums[2]);
        return true;
    }

    /// <summary>True when this version is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public bool AtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);

    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture) + "." + Patch.ToString(CultureInfo.InvariantCulture);
}
