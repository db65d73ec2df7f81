using System.Globalization;
using System.Text.Json.Nodes;
using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Sources;

/// <summary>
/// A stand-in for the GitOps renderers (<c>TalosPatchRenderer</c>, <c>GitOpsRenderer</c>) until they are merged: the
/// legacy <c>machine.*</c> Talos patch and the seed's Flux objects. It renders only what the emitter needs and is
/// replaced by <see cref="ManifestSources.Default"/> pointing at the renderers.
/// </summary>
public sealed class InterimManifestSource : IManifestSource
{
    public const string AdminPasswordSecretKey = "HARBOR_ADMIN_PASSWORD";

    public IReadOnlyList<JsonObject> TalosPatchDocuments(TalosMachinePatch patch)
    {
        var a = patch.Args;
        var machine = new JsonObject();
        var registries = new JsonObject();
        if (a.Mirrors.Count > 0)
        {
            var mirrors = new JsonObject();
            foreach (var (host, m) in a.Mirrors.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var o = new JsonObject { ["endpoints"] = Strings(m.Endpoints) };
                if (m.OverridePath is { } op)
                {
                    o["overridePath"] = op;
                }

                if (m.SkipFallback is { } sf)
                {
                    o["skipFallback"] = sf;
                }

                mirrors[host] = o;
            }

            registries["mirrors"] = mirrors;
        }

        if (a.RegistryConfig.Count > 0)
        {
            var config = new JsonObject();
            foreach (var (host, c) in a.RegistryConfig.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var o = new JsonObject();
                if (c.Auth is { } auth)
                {
                    var ao = new JsonObject();
                    if (auth.UsernameVariable is { } uv)
                    {
                        ao["username"] = "${" + uv + "}";
                    }
                    else if (auth.Username is { } u)
                    {
                        ao["username"] = u;
                    }

                    if (auth.Password is { } p)
                    {
                        ao["password"] = p.Placeholder;
                    }

                    if (auth.Auth is { } raw)
                    {
                        ao["auth"] = raw.Placeholder;
                    }

                    if (auth.IdentityToken is { } t)
                    {
                        ao["identityToken"] = t.Placeholder;
                    }

                    o["auth"] = ao;
                }

                if (c.Tls is { } tls)
                {
                    var to = new JsonObject();
                    if (tls.InsecureSkipVerify is { } isv)
                    {
                        to["insecureSkipVerify"] = isv;
                    }

                    if (tls.Ca is { } ca)
                    {
                        to["ca"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ca));
                    }

                    if (tls.ClientCertificate is { } crt)
                    {
                        to["clientIdentity"] = new JsonObject
                        {
                            ["crt"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(crt)),
                            ["key"] = tls.ClientKey?.Placeholder,
                        };
                    }

                    o["tls"] = to;
                }

                config[host] = o;
            }

            registries["config"] = config;
        }

        if (registries.Count > 0)
        {
            machine["registries"] = registries;
        }

        if (a.ExtraHostEntries.Count > 0)
        {
            machine["network"] = new JsonObject
            {
                ["extraHostEntries"] = new JsonArray(a.ExtraHostEntries
                    .Select(e => (JsonNode?)new JsonObject { ["ip"] = e.Ip, ["aliases"] = Strings(e.Aliases) }).ToArray()),
            };
        }

        var files = new JsonArray();
        foreach (var f in a.Files)
        {
            var o = new JsonObject { ["content"] = f.Content, ["path"] = f.Path, ["op"] = f.Op.ToString().ToLowerInvariant() };
            if (f.Permissions is { } perm)
            {
                o["permissions"] = perm;
            }

            files.Add(o);
        }

        foreach (var c in a.CriCustomizations)
        {
            files.Add(new JsonObject { ["content"] = c.Content, ["path"] = TalosFile.CriCustomizationPath, ["op"] = "create", ["permissions"] = 0 });
        }

        if (files.Count > 0)
        {
            machine["files"] = files;
        }

        return new[] { new JsonObject { ["machine"] = machine } };
    }

    public IReadOnlyList<JsonObject> FluxObjects(HarborRegistry harbor)
    {
        var a = harbor.Args;
        var source = new JsonObject
        {
            ["apiVersion"] = "source.toolkit.fluxcd.io/v1",
            ["kind"] = "HelmRepository",
            ["metadata"] = Meta(harbor.Name, a.Namespace),
            ["spec"] = new JsonObject { ["interval"] = "1h", ["url"] = a.ChartRepository },
        };
        var chartSpec = new JsonObject
        {
            ["chart"] = "harbor",
            ["sourceRef"] = new JsonObject { ["kind"] = "HelmRepository", ["name"] = harbor.Name },
        };
        if (a.ChartVersion is { } v)
        {
            chartSpec["version"] = v;
        }

        var release = new JsonObject
        {
            ["apiVersion"] = "helm.toolkit.fluxcd.io/v2",
            ["kind"] = "HelmRelease",
            ["metadata"] = Meta(harbor.Name, a.Namespace),
            ["spec"] = new JsonObject
            {
                ["interval"] = "30m",
                ["chart"] = new JsonObject { ["spec"] = chartSpec },
                ["values"] = HelmValues(harbor),
            },
        };
        return new[] { source, release };
    }

    public IReadOnlyList<JsonObject> FluxObjects(SpegelRelease spegel)
    {
        var a = spegel.Args;
        var spec = new JsonObject
        {
            ["interval"] = "1h",
            ["url"] = a.ChartRepository,
            ["layerSelector"] = new JsonObject
            {
                ["mediaType"] = "application/vnd.cncf.helm.chart.content.v1.tar+gzip",
                ["operation"] = "copy",
            },
        };
        if (a.ChartVersion is { } v)
        {
            spec["ref"] = new JsonObject { ["tag"] = v };
        }

        var source = new JsonObject
        {
            ["apiVersion"] = "source.toolkit.fluxcd.io/v1",
            ["kind"] = "OCIRepository",
            ["metadata"] = Meta(spegel.Name, a.Namespace),
            ["spec"] = spec,
        };
        var release = new JsonObject
        {
            ["apiVersion"] = "helm.toolkit.fluxcd.io/v2",
            ["kind"] = "HelmRelease",
            ["metadata"] = Meta(spegel.Name, a.Namespace),
            ["spec"] = new JsonObject
            {
                ["interval"] = "30m",
                ["chartRef"] = new JsonObject { ["kind"] = "OCIRepository", ["name"] = spegel.Name },
                ["values"] = HelmValues(spegel),
            },
        };
        return new[] { source, release };
    }

    public JsonObject HelmValues(HarborRegistry harbor)
    {
        var a = harbor.Args;
        var exposeType = a.Expose switch
        {
            HarborExpose.LoadBalancer => "loadBalancer",
            HarborExpose.ClusterIP => "clusterIP",
            HarborExpose.NodePort => "nodePort",
            _ => "ingress",
        };
        var expose = new JsonObject
        {
            ["type"] = exposeType,
            ["tls"] = new JsonObject { ["enabled"] = a.Tls },
        };
        if (a.Expose == HarborExpose.LoadBalancer)
        {
            var lb = new JsonObject { ["name"] = a.ServiceName };
            if (a.LoadBalancerIP is { } ip)
            {
                lb["IP"] = ip;
            }

            expose["loadBalancer"] = lb;
        }
        else if (a.Expose == HarborExpose.ClusterIP)
        {
            expose["clusterIP"] = new JsonObject { ["name"] = a.ServiceName };
        }

        var values = new JsonObject { ["expose"] = expose };
        if (harbor.ExternalUrl is { } url)
        {
            values["externalURL"] = url;
        }

        if (a.AdminPassword is not null)
        {
            values["existingSecretAdminPassword"] = AdminPasswordSecretName(harbor);
            values["existingSecretAdminPasswordKey"] = AdminPasswordSecretKey;
        }

        var registryPvc = new JsonObject { ["size"] = a.RegistryStorageSize };
        if (a.StorageClass is { } sc)
        {
            registryPvc["storageClass"] = sc;
        }

        values["persistence"] = new JsonObject { ["persistentVolumeClaim"] = new JsonObject { ["registry"] = registryPvc } };
        values["trivy"] = new JsonObject { ["enabled"] = a.Trivy };
        foreach (var (dotted, raw) in a.ExtraValues.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            SetDotted(values, dotted, raw);
        }

        return values;
    }

    public JsonObject HelmValues(SpegelRelease spegel)
    {
        var a = spegel.Args;
        var s = new JsonObject();
        if (a.MirroredRegistries.Count > 0)
        {
            s["mirroredRegistries"] = Strings(a.MirroredRegistries);
        }

        s["prependExisting"] = a.PrependExisting;
        if (a.ContainerdRegistryConfigPath is { } path)
        {
            s["containerdRegistryConfigPath"] = path;
        }

        if (a.AdditionalMirrorTargets.Count > 0)
        {
            s["additionalMirrorTargets"] = Strings(a.AdditionalMirrorTargets);
        }

        s["resolveTags"] = a.ResolveTags;
        var values = new JsonObject { ["spegel"] = s };
        if (a.RegistryHostPort != 30020 || a.RegistryNodePort != 30021)
        {
            values["service"] = new JsonObject
            {
                ["registry"] = new JsonObject { ["hostPort"] = a.RegistryHostPort, ["nodePort"] = a.RegistryNodePort },
            };
        }

        return values;
    }

    public (string Name, string Key) AdminPasswordSecret(HarborRegistry harbor) => (AdminPasswordSecretName(harbor), AdminPasswordSecretKey);

    /// <summary>The Kubernetes Secret that carries Harbor's initial admin password (<c>existingSecretAdminPassword</c>).</summary>
    public static string AdminPasswordSecretName(HarborRegistry harbor) => harbor.Name + "-admin-password";

    private static JsonObject Meta(string name, string ns) => new() { ["name"] = name, ["namespace"] = ns };

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static void SetDotted(JsonObject root, string dotted, string raw)
    {
        var parts = dotted.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (node[parts[i]] is not JsonObject child)
            {
                child = new JsonObject();
                node[parts[i]] = child;
            }

            node = child;
        }

        node[parts[^1]] = raw switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            _ => JsonValue.Create(raw),
        };
    }
}
