using System.Diagnostics.CodeAnalysis;

namespace ClusterRegistry.Probe;

/// <summary>
/// The parts of the probe that a Native AOT build of the standalone tool leaves out, as trimming feature switches.
/// Both are on by default (the stacks program, the dotnet tool, the tests); <c>src/ClusterRegistry.Tool/build-native.sh</c>
/// turns them off with <c>RuntimeHostConfigurationOption … Trim="true"</c>. The code itself lives in the optional packages
/// (<see cref="Optional.OptionalPackages"/>), which the native build does not reference, so KubernetesClient and
/// ScottPlot/SkiaSharp never reach the binary; the switches make the native binary say why (<see cref="NativeHint"/>)
/// instead of advising a package reference a binary cannot take.
/// See https://learn.microsoft.com/dotnet/core/deploying/trimming/trimming-options#trimming-framework-library-features.
/// </summary>
public static class ProbeFeatures
{
    /// <summary>Switch name of <see cref="KubernetesIsSupported"/>.</summary>
    public const string KubernetesSwitch = "ClusterRegistry.Probe.Kubernetes.IsSupported";

    /// <summary>Switch name of <see cref="PlottingIsSupported"/>.</summary>
    public const string PlottingSwitch = "ClusterRegistry.Probe.Plotting.IsSupported";

    /// <summary>What the native build says instead of running a left-out part (exit 2).</summary>
    public const string NativeHint = "is not available in the native clusterregistry binary (Native AOT leaves out the Kubernetes client and plotting); run the stacks program or the dotnet tool (dotnet ClusterRegistry.Tool.dll) for it";

    /// <summary><c>--via kubernetes</c> (a Job per node through the Kubernetes API).</summary>
    [FeatureSwitchDefinition(KubernetesSwitch)]
    public static bool KubernetesIsSupported => !AppContext.TryGetSwitch(KubernetesSwitch, out var on) || on;

    /// <summary><c>probe report</c> (PNG/SVG/HTML charts).</summary>
    [FeatureSwitchDefinition(PlottingSwitch)]
    public static bool PlottingIsSupported => !AppContext.TryGetSwitch(PlottingSwitch, out var on) || on;
}
