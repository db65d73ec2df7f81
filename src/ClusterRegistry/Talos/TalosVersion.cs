namespace ClusterRegistry.Talos;

/// <summary>A Talos minor version such as <c>v1.11</c>; decides which configuration form is rendered.</summary>
public readonly record struct TalosVersion(int Major, int Minor) : IComparable<TalosVersion>
{
    public static TalosVersion V1_8 => new(1, 8);
    public static TalosVersion V1_11 => new(1, 11);
    public static TalosVersion V1_12 => new(1, 12);
    public static TalosVersion V1_14 => new(1, 14);

    /// <summary>Parses <c>v1.11</c>, <c>1.11</c> or <c>v1.11.6</c> (the patch is ignored).</summary>
    public static bool TryParse(string? text, out TalosVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (t.StartsWith('v') || t.StartsWith('V'))
        {
            t = t[1..];
        }

        var dash = t.IndexOf('-');
        if (dash >= 0)
        {
            t = t[..dash];
        }

        var parts = t.Split('.');
        if (parts.Length is < 2 or > 3 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor) ||
            major < 0 || minor < 0 || (parts.Length == 3 && !int.TryParse(parts[2], out _)))
        {
            return false;
        }

        version = new TalosVersion(major, minor);
        return true;
    }

    /// <summary>Talos ≥ 1.12 renders RegistryMirrorConfig/RegistryAuthConfig/StaticHostConfig documents.</summary>
    public bool UsesMultiDocRegistryConfig => this >= V1_12;

    /// <summary>Talos ≥ 1.14 renders CRICustomizationConfig instead of the machine.files part.</summary>
    public bool UsesCriCustomizationDocument => this >= V1_14;

    /// <summary>Talos ≥ 1.8 ships containerd 2.x: the CRI images plugin is <c>io.containerd.cri.v1.images</c>.</summary>
    public bool UsesContainerd2 => this >= V1_8;

    public int CompareTo(TalosVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(TalosVersion a, TalosVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(TalosVersion a, TalosVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(TalosVersion a, TalosVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(TalosVersion a, TalosVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"v{Major}.{Minor}";
}
