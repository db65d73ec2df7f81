namespace ClusterRegistry.Probe.Optional;

/// <summary>A feature was asked for whose package is not referenced by the running program.</summary>
public sealed class OptionalPackageMissingException(string feature, string packageId)
    : InvalidOperationException($"{feature} needs the {packageId} package, which this program does not reference: `dotnet add package {packageId}` in the stacks project, or use the clusterregistry tool (`dotnet tool install -g ClusterRegistry.Tool`), which has it")
{
    public string Feature { get; } = feature;

    public string PackageId { get; } = packageId;
}
