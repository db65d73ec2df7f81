using ClusterRegistry.Harbor;
using ClusterRegistry.Rendering.Yaml;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Rendering.Flux;

/// <summary>
/// The Flux source of a release and how its HelmRelease names the chart: an <c>OCIRepository</c> with <c>spec.chartRef</c>
/// (a <c>ChartSource</c>, and Spegel's OCI chart by default), or a <c>HelmRepository</c> with <c>spec.chart.spec</c>
/// (Harbor's https chart repository by default). One place, so the GitOps tree and the Pulumi program agree.
/// </summary>
public sealed record ReleaseChartSource(string FileName, YamlMap Source, YamlMap ChartSpec)
{
    public static ReleaseChartSource For(HarborRegistry harbor)
    {
        ArgumentNullException.ThrowIfNull(harbor);
        var ns = harbor.Args.Namespace;
        if (harbor.Args.ChartSource is { } source)
        {
            return new("ocirepository.yaml", FluxObjects.OciRepository(harbor.Name, ns, source), FluxObjects.ChartRefOci(harbor.Name));
        }

        return new("helmrepository.yaml", FluxObjects.HelmRepository(harbor.Name, ns, harbor.Args.ChartRepository),
            FluxObjects.ChartFromHelmRepository("harbor", harbor.Args.ChartVersion, harbor.Name));
    }

    public static ReleaseChartSource For(SpegelRelease spegel)
    {
        ArgumentNullException.ThrowIfNull(spegel);
        var ns = spegel.Args.Namespace;
        var source = spegel.Args.ChartSource is { } s
            ? FluxObjects.OciRepository(spegel.Name, ns, s)
            : FluxObjects.OciChartRepository(spegel.Name, ns, spegel.Args.ChartRepository, spegel.Args.ChartVersion);
        return new("ocirepository.yaml", source, FluxObjects.ChartRefOci(spegel.Name));
    }
}
