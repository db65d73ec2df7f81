using System.Globalization;
using ClusterRegistry.Harbor;
using ClusterRegistry.Rendering.Yaml;

namespace ClusterRegistry.Rendering.Flux;

/// <summary>The goharbor/harbor-helm values for a <see cref="HarborRegistry"/> (goharbor/harbor-helm
/// values.yaml).</summary>
public static class HarborValues
{
    /// <summary>Name of the Secret holding the admin password (<c>existingSecretAdminPassword</c>).</summary>
    public static string AdminSecretName(HarborRegistry harbor) => harbor.Name + "-admin";

    /// <summary>Key of the admin password inside <see cref="AdminSecretName"/> (the chart default).</summary>
    public const string AdminSecretKey = "HARBOR_ADMIN_PASSWORD";

    public static YamlMap Build(HarborRegistry harbor)
    {
        ArgumentNullException.ThrowIfNull(harbor);
        var a = harbor.Args;
        var expose = new YamlMap { { "type", ExposeType(a.Expose) } };
        var tls = new YamlMap { { "enabled", a.Tls } };
        if (a.Tls && a.Expose is not (HarborExpose.Ingress or HarborExpose.Route))
        {
            // Required by the chart when TLS is on and the type is not ingress: the generated certificate's CN.
            tls["certSource"] = "auto";
            tls["auto"] = new YamlMap { { "commonName", CommonName(harbor) } };
        }

        expose["tls"] = tls;
        switch (a.Expose)
        {
            case HarborExpose.LoadBalancer:
                expose["loadBalancer"] = new YamlMap { { "name", a.ServiceName }, { "IP", a.LoadBalancerIP } };
                break;
            case HarborExpose.ClusterIP:
                expose["clusterIP"] = new YamlMap { { "name", a.ServiceName }, { "staticClusterIP", a.ClusterIP } };
                break;
            case HarborExpose.NodePort:
                expose["nodePort"] = new YamlMap { { "name", a.ServiceName } };
                break;
            case HarborExpose.Ingress:
                expose["ingress"] = new YamlMap
                {
                    { "className", a.IngressClassName },
                    { "hosts", ExternalHost(harbor) is { } ingressHost ? new YamlMap { { "core", ingressHost } } : null },
                };
                break;
            case HarborExpose.Route:
                expose["route"] = new YamlMap
                {
                    {
                        "parentRefs", a.RouteParents.Count == 0 ? null : a.RouteParents.Select(p => new YamlMap
                        {
                            { "name", p.Name },
                            { "namespace", p.Namespace },
                            { "sectionName", p.SectionName },
                        }).ToList()
                    },
                    { "hosts", ExternalHost(harbor) is { } routeHost ? new List<string> { routeHost } : null },
                };
                break;
        }

        var values = new YamlMap
        {
            { "expose", expose },
            { "externalURL", harbor.ExternalUrl },
            { "existingSecretAdminPassword", a.ExistingAdminPasswordSecret ?? (a.AdminPassword is null ? null : AdminSecretName(harbor)) },
            { "existingSecretAdminPasswordKey", a.ExistingAdminPasswordSecret is not null ? a.ExistingAdminPasswordSecretKey : a.AdminPassword is null ? null : AdminSecretKey },
        };
        var registryPvc = new YamlMap { { "size", a.RegistryStorageSize }, { "storageClass", a.StorageClass } };
        values["persistence"] = new YamlMap
        {
            { "enabled", true },
            { "persistentVolumeClaim", new YamlMap { { "registry", registryPvc } } },
        };
        values["trivy"] = new YamlMap { { "enabled", a.Trivy } };

        foreach (var (dotted, raw) in a.ExtraValues.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var parts = dotted.Split('.');
            var target = values;
            foreach (var p in parts[..^1])
            {
                target = target.Map(p);
            }

            target[parts[^1]] = Typed(raw);
        }

        HelmValuesMerge.Into(values, a.Values);
        return values;
    }

    /// <summary>
    /// The post-renderers of the Harbor release: first the pin of the expose Service's clusterIP (CRG203) when asked, then
    /// the user's <see cref="HarborArgs.PostRenderers"/> in declaration order (Flux applies them in list order).
    /// </summary>
    public static IReadOnlyList<YamlMap> PostRenderers(HarborRegistry harbor)
    {
        ArgumentNullException.ThrowIfNull(harbor);
        var a = harbor.Args;
        var renderers = new List<YamlMap>();
        if (a.PinClusterIP && a.ClusterIP is not null && a.Expose is not (HarborExpose.ClusterIP or HarborExpose.Ingress or HarborExpose.Route))
        {
            var patch = $"- op: add\n  path: /spec/clusterIP\n  value: {a.ClusterIP}\n";
            renderers.Add(FluxObjects.KustomizePatch("Service", a.ServiceName, patch));
        }

        renderers.AddRange(a.PostRenderers.Where(p => p is not null).Select(FluxObjects.PostRenderer));
        return renderers;
    }

    private static string ExposeType(HarborExpose e) => e switch
    {
        HarborExpose.LoadBalancer => "loadBalancer",
        HarborExpose.ClusterIP => "clusterIP",
        HarborExpose.NodePort => "nodePort",
        HarborExpose.Route => "route",
        _ => "ingress",
    };

    /// <summary>The host of the external URL: the Ingress/HTTPRoute host name clients use.</summary>
    private static string? ExternalHost(HarborRegistry harbor) =>
        harbor.ExternalUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    private static string CommonName(HarborRegistry harbor) =>
        harbor.ExternalUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : harbor.Args.LoadBalancerIP ?? harbor.ServiceHost;

    private static object Typed(string raw)
    {
        if (raw is "true" or "false")
        {
            return raw == "true";
        }

        return long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : raw;
    }
}
