using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Flux;

/// <summary>
/// Resolves a HelmRelease (helm.toolkit.fluxcd.io v2: <c>spec.chart.spec</c> with a HelmRepository/OCIRepository
/// <c>sourceRef</c>, or <c>spec.chartRef</c> to an OCIRepository) and its values (<c>valuesFrom</c> ConfigMaps/Secrets
/// found in the repository, then <c>spec.values</c>).
/// </summary>
public static class HelmReleaseReader
{
    public static bool IsHelmRelease(FluxObject o) => o.Kind == "HelmRelease" && o.ApiVersion.StartsWith("helm.toolkit.fluxcd.io/", StringComparison.Ordinal);

    public static HelmReleaseInfo Read(FluxObject release, FluxInventory inventory, List<RepositoryNotice> notices)
    {
        var doc = release.Document;
        var ctx = release.Context;
        var spec = YamlNav.Get(doc, "spec");
        string? chart = null;
        string? url = null;
        FluxObject? ociSource = null;
        var version = Val<string?>.Known(null, ctx.Loc(release.NameNode));

        if (YamlNav.At(spec, "chart", "spec") is { } chartSpec)
        {
            chart = YamlNav.TextAt(chartSpec, "chart");
            if (YamlNav.Get(chartSpec, "version") is { } v)
            {
                version = ctx.OptStr(v);
            }

            var source = YamlNav.Get(chartSpec, "sourceRef");
            if (YamlNav.TextAt(source, "kind") is { } kind && YamlNav.TextAt(source, "name") is { } name)
            {
                var src = inventory.FindSource(kind, name, YamlNav.TextAt(source, "namespace") ?? release.Namespace);
                url = YamlNav.TextAt(src?.Document, "spec", "url");
                if (chart is not null && url is not null && url.StartsWith("oci://", StringComparison.Ordinal))
                {
                    url = url.TrimEnd('/') + "/" + chart;
                }
            }
        }
        else if (YamlNav.Get(spec, "chartRef") is { } chartRef && YamlNav.TextAt(chartRef, "name") is { } refName)
        {
            var kind = YamlNav.TextAt(chartRef, "kind") ?? "OCIRepository";
            var src = inventory.FindSource(kind, refName, YamlNav.TextAt(chartRef, "namespace") ?? release.Namespace);
            url = YamlNav.TextAt(src?.Document, "spec", "url");
            chart = url?.TrimEnd('/').Split('/')[^1];
            if (OciRepositoryReader.IsOciRepository(src))
            {
                ociSource = src;
            }

            if (src is not null)
            {
                var tag = YamlNav.At(src.Document, "spec", "ref", "tag") ?? YamlNav.At(src.Document, "spec", "ref", "semver");
                version = tag is null ? Val<string?>.Unknown(src.Context.Loc(src.NameNode)) : src.Context.OptStr(tag);
            }
            else
            {
                version = Val<string?>.Unknown(ctx.Loc(chartRef));
                chart ??= refName;
            }
        }

        var targetNs = YamlNav.Get(spec, "targetNamespace");
        var ns = targetNs is not null ? ctx.Str(targetNs)
            : release.Namespace is { } n ? Val<string>.Known(n, ctx.Loc(release.NameNode))
            : Val<string>.Unknown(ctx.Loc(release.NameNode));

        var values = new HelmValues();
        if (YamlNav.Get(spec, "values") is { } inline)
        {
            values.Layers.Add(new ValuesLayer { Root = inline, Context = ctx, Description = "spec.values" });
        }

        var from = YamlNav.Items(YamlNav.Get(spec, "valuesFrom")).ToList();
        for (var i = from.Count - 1; i >= 0; i--)
        {
            var entry = from[i];
            var kind = YamlNav.TextAt(entry, "kind") ?? "ConfigMap";
            var name = YamlNav.TextAt(entry, "name") ?? "";
            var key = YamlNav.TextAt(entry, "valuesKey") ?? "values.yaml";
            var target = YamlNav.TextAt(entry, "targetPath")?.Split('.');
            var data = inventory.FindData(kind, name, release.Namespace);
            var description = kind + "/" + name;
            var reference = new ClusterRegistry.HelmValuesReference
            {
                Kind = kind,
                Name = name,
                ValuesKey = YamlNav.TextAt(entry, "valuesKey"),
                TargetPath = YamlNav.TextAt(entry, "targetPath"),
                Optional = YamlNav.TextAt(entry, "optional") == "true",
            };
            if (data is null || !data.Entries.TryGetValue(key, out var value) || value.IsUnknown)
            {
                if (data is null)
                {
                    notices.Add(new RepositoryNotice(NoticeKind.Unknown, release.Source.RelativePath, ctx.Line(entry),
                        $"HelmRelease '{release.Name}' takes values from {description}, which is not in the repository (managed elsewhere): the values it may set are unknown"));
                }

                values.Layers.Add(new ValuesLayer { Root = null, Context = ctx, TargetPath = target, Description = description, Reference = reference });
                continue;
            }

            values.Layers.Add(new ValuesLayer { Root = value.Node, Context = value.Context, TargetPath = target, Description = description, Reference = reference });
        }

        return new HelmReleaseInfo
        {
            Object = release,
            Chart = chart,
            ChartVersion = version,
            SourceUrl = url,
            OciSource = ociSource,
            Namespace = ns,
            ReleaseName = YamlNav.TextAt(spec, "releaseName") ?? release.Name,
            Values = values,
        };
    }
}
