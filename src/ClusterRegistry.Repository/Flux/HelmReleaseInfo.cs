using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Flux;

/// <summary>A Flux HelmRelease resolved against the repository: chart, version, source URL, namespace and values.</summary>
public sealed class HelmReleaseInfo
{
    public required FluxObject Object { get; init; }

    /// <summary>The chart name (<c>chart.spec.chart</c>, or the last path segment of the OCIRepository URL).</summary>
    public required string? Chart { get; init; }

    public required Val<string?> ChartVersion { get; init; }

    /// <summary>The HelmRepository/OCIRepository URL, when found.</summary>
    public required string? SourceUrl { get; init; }

    /// <summary>The OCIRepository the release names in <c>spec.chartRef</c>, when found: the stack's <c>ChartSource</c>.</summary>
    public FluxObject? OciSource { get; init; }

    /// <summary><see cref="OciSource"/> as the model's chart source, or null.</summary>
    public ChartSourceInfo? ChartSource => OciSource is { } o ? OciRepositoryReader.Read(o) : null;

    /// <summary><c>spec.targetNamespace</c>, else the release's namespace.</summary>
    public required Val<string> Namespace { get; init; }

    /// <summary><c>spec.releaseName</c>, else the object name (Helm's release name).</summary>
    public required string ReleaseName { get; init; }

    public required HelmValues Values { get; init; }

    public ReadContext Context => Object.Context;
}
