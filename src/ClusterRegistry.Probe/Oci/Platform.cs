using System.Runtime.InteropServices;
using Arch = System.Runtime.InteropServices.Architecture;

namespace ClusterRegistry.Probe.Oci;

/// <summary>An OS/architecture[/variant] pair used to pick a manifest out of an index.</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>This machine's platform in OCI terms (<c>linux/amd64</c>, <c>linux/arm64</c>…).</summary>
    public static Platform Current { get; } = new(
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : "linux",
        RuntimeInformation.OSArchitecture switch
        {
            Arch.X64 => "amd64",
            Arch.Arm64 => "arm64",
            Arch.Arm => "arm",
            Arch.X86 => "386",
            Arch.S390x => "s390x",
            Arch.Ppc64le => "ppc64le",
            Arch.RiscV64 => "riscv64",
            _ => "amd64",
        },
        RuntimeInformation.OSArchitecture == Arch.Arm ? "v7" : null);

    /// <summary>Parses <c>os/arch[/variant]</c>.</summary>
    public static Platform Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length switch
        {
            2 => new Platform(parts[0], parts[1]),
            3 => new Platform(parts[0], parts[1], parts[2]),
            _ => throw new FormatException($"'{text}' is not a platform (expected os/arch or os/arch/variant)"),
        };
    }

    /// <summary>Whether an index entry's platform matches (a missing variant on either side matches any variant).</summary>
    public bool Matches(string? os, string? architecture, string? variant) =>
        string.Equals(os, Os, StringComparison.Ordinal) &&
        string.Equals(architecture, Architecture, StringComparison.Ordinal) &&
        (Variant is null || variant is null || string.Equals(variant, Variant, StringComparison.Ordinal));

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
