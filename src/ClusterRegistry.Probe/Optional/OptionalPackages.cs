using System.Diagnostics.CodeAnalysis;

namespace ClusterRegistry.Probe.Optional;

/// <summary>
/// The probe features that live in optional packages, so the closure of a stack project stays small (no plotting, no
/// Kubernetes client). Each is found either by registration (<see cref="Use(IKubernetesProbePath)"/>, what the
/// <c>clusterregistry</c> tool does) or, when the program merely references the package, by its well-known type.
/// </summary>
public static class OptionalPackages
{
    public const string KubernetesPackageId = "ClusterRegistry.Probe.Kubernetes";
    public const string ReportsPackageId = "ClusterRegistry.Probe.Reports";

    private static IKubernetesProbePath? kubernetes;
    private static ILatencyReportWriter? reports;

    /// <summary>The Kubernetes probe path, or null when <c>ClusterRegistry.Probe.Kubernetes</c> is not referenced.</summary>
    public static IKubernetesProbePath? Kubernetes => kubernetes ??= Find<IKubernetesProbePath>(KubernetesTypeName());

    /// <summary>The report writer, or null when <c>ClusterRegistry.Probe.Reports</c> is not referenced.</summary>
    public static ILatencyReportWriter? Reports => reports ??= Find<ILatencyReportWriter>(ReportsTypeName());

    public static void Use(IKubernetesProbePath path) => kubernetes = path;

    public static void Use(ILatencyReportWriter writer) => reports = writer;

    /// <summary>The Kubernetes path, or an <see cref="OptionalPackageMissingException"/> naming the package to add.</summary>
    public static IKubernetesProbePath RequireKubernetes() =>
        Kubernetes ?? throw new OptionalPackageMissingException("probe --via kubernetes", KubernetesPackageId);

    /// <summary>The report writer, or an <see cref="OptionalPackageMissingException"/> naming the package to add.</summary>
    public static ILatencyReportWriter RequireReports() =>
        Reports ?? throw new OptionalPackageMissingException("probe report (plots)", ReportsPackageId);

    // Literal type names: the trimmer / Native AOT compiler sees them and keeps the constructors when the assembly is part of the app.
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    private static Type? KubernetesTypeName() => Type.GetType("ClusterRegistry.Probe.Kubernetes.KubernetesProbePath, ClusterRegistry.Probe.Kubernetes", throwOnError: false);

    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    private static Type? ReportsTypeName() => Type.GetType("ClusterRegistry.Probe.Reports.LatencyReportWriter, ClusterRegistry.Probe.Reports", throwOnError: false);

    private static T? Find<T>([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type? type)
        where T : class
    {
        if (type is null)
        {
            return null;
        }

        try
        {
            return Activator.CreateInstance(type) as T;
        }
        catch (Exception e) when (e is MissingMethodException or TypeLoadException or FileNotFoundException or FileLoadException)
        {
            return null;
        }
    }
}
