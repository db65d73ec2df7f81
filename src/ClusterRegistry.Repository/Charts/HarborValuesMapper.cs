using ClusterRegistry.Repository.Flux;
using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Charts;

/// <summary>
/// goharbor/harbor-helm values (<c>values.yaml</c>) → <see cref="HarborInfo"/>. Chart defaults where a key is absent:
/// <c>expose.type: ingress</c>, <c>expose.tls.enabled: true</c>, <c>externalURL: https://core.harbor.domain</c>,
/// Service name <c>harbor</c> for loadBalancer/clusterIP/nodePort. Other charts named <c>harbor</c> (Bitnami's) use
/// other keys: their exposure is left unknown rather than guessed.
/// </summary>
public static class HarborValuesMapper
{
    public static bool IsHarbor(HelmReleaseInfo r) => r.Chart == "harbor";

    public static HarborInfo Map(HelmReleaseInfo r)
    {
        var loc = r.Context.Loc(r.Object.NameNode);
        var info = new HarborInfo
        {
            Name = Val<string>.Known(r.Object.Name, loc),
            Location = loc,
            Namespace = r.Namespace,
            ChartVersion = r.ChartVersion,
            ChartSource = Val<ChartSourceInfo?>.Known(r.ChartSource, r.OciSource is { } oci ? oci.Context.Loc(oci.NameNode) : null),
            // The user's post-renderers; the ClusterIP pin among them is ClusterIP/PinClusterIP below.
            PostRenderers = PostRendererReader.Read(r, withoutClusterIpPin: true),
            ChartRepository = r.SourceUrl is { } u ? Val<string>.Known(u, loc) : Val<string>.Unknown(loc),
            // Every key the release sets except credentials (never carried as a value; AdminPassword below).
            Values = ValuesTree.Merge(r.Values).ToInfo(loc, path => ValuesTree.IsCredentialKey(path[^1])),
        };

        if (r.SourceUrl is { } url && !url.Contains("goharbor", StringComparison.OrdinalIgnoreCase))
        {
            // Not the goharbor chart: its values mean something else.
            info.Expose = Val<HarborExposeKind>.Unknown(loc);
            info.ServiceName = Val<string>.Unknown(loc);
            info.ExternalUrl = Val<string?>.Unknown(loc);
            info.Tls = Val<bool>.Unknown(loc);
            info.LoadBalancerIP = Val<string?>.Unknown(loc);
            info.ClusterIP = Val<string?>.Unknown(loc);
            info.PinClusterIP = Val<bool>.Unknown(loc);
            return info;
        }

        var type = ValuesReading.Str(r, "ingress", "expose", "type");
        HarborExposeKind? kind = type.IsKnown ? type.Value switch
        {
            "loadBalancer" => HarborExposeKind.LoadBalancer,
            "clusterIP" => HarborExposeKind.ClusterIP,
            "nodePort" => HarborExposeKind.NodePort,
            "ingress" => HarborExposeKind.Ingress,
            "route" => HarborExposeKind.Route,
            _ => null,
        } : null;
        info.Expose = kind is { } k ? Val<HarborExposeKind>.Known(k, type.Location) : Val<HarborExposeKind>.Unknown(type.Location);

        var fullname = r.ReleaseName.Contains("harbor", StringComparison.Ordinal) ? r.ReleaseName : r.ReleaseName + "-harbor";
        info.ServiceName = kind switch
        {
            HarborExposeKind.LoadBalancer => Name(ValuesReading.Str(r, "harbor", "expose", "loadBalancer", "name")),
            HarborExposeKind.ClusterIP => Name(ValuesReading.Str(r, "harbor", "expose", "clusterIP", "name")),
            HarborExposeKind.NodePort => Name(ValuesReading.Str(r, "harbor", "expose", "nodePort", "name")),
            HarborExposeKind.Ingress or HarborExposeKind.Route => Val<string>.Known(fullname + "-core", loc),
            _ => Val<string>.Unknown(loc),
        };

        info.LoadBalancerIP = Empty(ValuesReading.Str(r, null, "expose", "loadBalancer", "IP"));
        var staticIp = Empty(ValuesReading.Str(r, null, "expose", "clusterIP", "staticClusterIP"));
        var pinnedByPostRenderer = PostRendererClusterIp(r);
        info.ClusterIP = kind == HarborExposeKind.ClusterIP && staticIp.TryGet(out var sip) && sip is not null ? staticIp
            : pinnedByPostRenderer ?? Val<string?>.Unknown(loc);
        info.PinClusterIP = Val<bool>.Known(info.ClusterIP.IsKnown, info.ClusterIP.Location);

        var external = ValuesReading.Str(r, "https://core.harbor.domain", "externalURL");
        info.ExternalUrl = external;
        var tlsEnabled = ValuesReading.Bool(r, true, "expose", "tls", "enabled");
        if (kind is HarborExposeKind.Ingress or HarborExposeKind.Route)
        {
            // TLS ends at the ingress or gateway: clients use the scheme of externalURL (the token realm is built from it).
            info.Tls = external.IsKnown && external.Value is { } e
                ? Val<bool>.Known(e.StartsWith("https://", StringComparison.OrdinalIgnoreCase), external.Location)
                : Val<bool>.Unknown(external.Location);
        }
        else
        {
            info.Tls = tlsEnabled;
        }

        var hit = r.Values.Lookup("harborAdminPassword");
        if (hit.Kind == ValuesHitKind.Found)
        {
            info.AdminPassword = hit.Context!.Secret(hit.Node, "harborAdminPassword");
        }
        else if (r.Values.Lookup("existingSecretAdminPassword").Kind == ValuesHitKind.Found)
        {
            var where = ValuesReading.Where(r, "existingSecretAdminPassword");
            info.AdminPassword = Val<SecretInfo?>.Known(SecretInfo.FromEnvironment(Val<string>.Unknown(where), where), where);
        }
        else if (hit.Kind == ValuesHitKind.Unknown)
        {
            info.AdminPassword = Val<SecretInfo?>.Unknown(loc);
        }

        return info;
    }

    private static Val<string> Name(Val<string?> v) => v.IsKnown && v.Value is { } s ? Val<string>.Known(s, v.Location) : Val<string>.Unknown(v.Location);

    private static Val<string?> Empty(Val<string?> v) => v.IsKnown && string.IsNullOrEmpty(v.Value) ? Val<string?>.Known(null, v.Location) : v;

    /// <summary>A HelmRelease post-renderer that sets <c>/spec/clusterIP</c> on a Service (how clusters pin a LoadBalancer's ClusterIP).</summary>
    private static Val<string?>? PostRendererClusterIp(HelmReleaseInfo r)
    {
        foreach (var pr in YamlNav.Items(YamlNav.At(r.Object.Document, "spec", "postRenderers")))
        {
            foreach (var patch in YamlNav.Items(YamlNav.At(pr, "kustomize", "patches")))
            {
                if (YamlNav.TextAt(patch, "target", "kind") != "Service" || YamlNav.Get(patch, "patch") is not { } body || YamlNav.Text(body) is not { } text)
                {
                    continue;
                }

                foreach (var line in text.Split('\n'))
                {
                    var t = line.Trim();
                    if (t.StartsWith("value:", StringComparison.Ordinal) && text.Contains("/spec/clusterIP", StringComparison.Ordinal))
                    {
                        return Val<string?>.Known(t["value:".Length..].Trim().Trim('"', '\''), r.Context.Loc(body));
                    }

                    if (t.StartsWith("clusterIP:", StringComparison.Ordinal))
                    {
                        return Val<string?>.Known(t["clusterIP:".Length..].Trim().Trim('"', '\''), r.Context.Loc(body));
                    }
                }
            }
        }

        return null;
    }
}
