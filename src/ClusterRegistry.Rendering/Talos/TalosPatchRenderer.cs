using System.Text;
using ClusterRegistry.Rendering.Yaml;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Talos;

/// <summary>
/// Renders a <see cref="TalosMachinePatch"/> as the Talos machine-config patch YAML (siderolabs/talos
/// pkg/machinery/config/types/v1alpha1/v1alpha1_types.go, pkg/machinery/config/types/cri/,
/// pkg/machinery/config/types/network/static_host.go):
/// <list type="bullet">
/// <item>Talos &lt; v1.12: one strategic-merge document with <c>machine.registries</c>, <c>machine.network.extraHostEntries</c>
/// and <c>machine.files</c> (CRI customisations as <c>/etc/cri/conf.d/20-customization.part</c>).</item>
/// <item>v1.12 and v1.13: <c>RegistryMirrorConfig</c>, <c>RegistryAuthConfig</c>, <c>RegistryTLSConfig</c> and
/// <c>StaticHostConfig</c> documents; files (and the customisation part) stay in a <c>machine.files</c> document.</item>
/// <item>v1.14 and later: the same plus <c>CRICustomizationConfig</c> documents (and <c>EtcFileConfig</c> for /etc files).</item>
/// </list>
/// Maps are written in ordinal key order, lists in declaration order. Secrets are <c>${VAR}</c> unless
/// <see cref="TalosPatchOptions.SecretText"/> says otherwise.
/// </summary>
public static class TalosPatchRenderer
{
    /// <summary>Name of the CRICustomizationConfig a <c>machine.files</c> CRI part becomes on Talos v1.14+.</summary>
    public const string CriPartDocumentName = "machine-files-part";

    /// <summary>The patch as YAML text (several <c>---</c>-separated documents from v1.12).</summary>
    public static string Render(TalosMachinePatch patch, TalosPatchOptions? options = null) => YamlWriter.WriteAll(Documents(patch, options));

    /// <summary>The patch documents, in the order they are written.</summary>
    public static IReadOnlyList<YamlMap> Documents(TalosMachinePatch patch, TalosPatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patch);
        options ??= new TalosPatchOptions();
        var version = patch.Version;
        return version.UsesMultiDocRegistryConfig ? MultiDoc(patch, version, options) : [Legacy(patch, options)];
        // MultiDoc keeps the legacy registry fields in its v1alpha1 document when the patch asks for them (RegistryConfigForm).
    }

    /// <summary>The variable names (<c>${VAR}</c>) the rendered patch references, sorted: secrets and username variables.</summary>
    public static IReadOnlyList<string> ReferencedVariables(TalosMachinePatch patch, TalosPatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patch);
        options ??= new TalosPatchOptions();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var config in patch.Args.RegistryConfig.Values)
        {
            if (config.Auth is { } auth)
            {
                if (options.UsernamesThroughVariables && auth.UsernameVariable is { } uv)
                {
                    names.Add(uv);
                }

                foreach (var s in new[] { auth.Password, auth.Auth, auth.IdentityToken })
                {
                    if (s is not null)
                    {
                        names.Add(s.Variable);
                    }
                }
            }

            if (config.Tls?.ClientKey is { } key)
            {
                names.Add(key.Variable);
            }
        }

        return names.ToList();
    }

    private static YamlMap Legacy(TalosMachinePatch patch, TalosPatchOptions options)
    {
        var machine = LegacyRegistries(patch, options);
        var files = LegacyFiles(patch.Args, includeCustomizations: true);
        if (files.Count > 0)
        {
            machine["files"] = files;
        }

        return new YamlMap { { "machine", machine } };
    }

    /// <summary><c>machine.registries</c> and <c>machine.network.extraHostEntries</c> of the patch.</summary>
    private static YamlMap LegacyRegistries(TalosMachinePatch patch, TalosPatchOptions options)
    {
        var args = patch.Args;
        var machine = new YamlMap();
        if (args.Mirrors.Count > 0 || args.RegistryConfig.Count > 0)
        {
            var registries = machine.Map("registries");
            if (args.Mirrors.Count > 0)
            {
                var mirrors = registries.Map("mirrors");
                foreach (var (name, mirror) in Sorted(args.Mirrors))
                {
                    mirrors[name] = new YamlMap
                    {
                        { "endpoints", mirror.Endpoints.ToList() },
                        { "overridePath", mirror.OverridePath },
                        { "skipFallback", mirror.SkipFallback },
                    };
                }
            }

            if (args.RegistryConfig.Count > 0)
            {
                var config = registries.Map("config");
                foreach (var (host, rc) in Sorted(args.RegistryConfig))
                {
                    var entry = new YamlMap();
                    if (rc.Auth is { } auth)
                    {
                        entry["auth"] = AuthFields(auth, options);
                    }

                    if (rc.Tls is { } tls)
                    {
                        var t = new YamlMap();
                        if (tls.ClientCertificate is not null || tls.ClientKey is not null)
                        {
                            t["clientIdentity"] = new YamlMap
                            {
                                { "crt", tls.ClientCertificate is { } crt ? Base64(crt) : null },
                                { "key", tls.ClientKey is { } key ? Text(key, options) : null },
                            };
                        }

                        t["ca"] = tls.Ca is { } ca ? Base64(ca) : null;
                        t["insecureSkipVerify"] = tls.InsecureSkipVerify;
                        entry["tls"] = t;
                    }

                    config[host] = entry;
                }
            }
        }

        if (args.ExtraHostEntries.Count > 0)
        {
            machine.Map("network")["extraHostEntries"] = args.ExtraHostEntries
                .Select(e => new YamlMap { { "ip", e.Ip }, { "aliases", e.Aliases.ToList() } })
                .ToList();
        }

        return machine;
    }

    private static List<YamlMap> MultiDoc(TalosMachinePatch patch, TalosVersion version, TalosPatchOptions options)
    {
        var args = patch.Args;
        var docs = new List<YamlMap>();
        var v1alpha1Files = LegacyFiles(args, includeCustomizations: !version.UsesCriCustomizationDocument, etcFilesAsDocuments: version.UsesCriCustomizationDocument);
        var documents = patch.RendersRegistryDocuments;
        var machine = documents ? new YamlMap() : LegacyRegistries(patch, options);
        if (v1alpha1Files.Count > 0)
        {
            machine["files"] = v1alpha1Files;
        }

        if (machine.Count > 0)
        {
            docs.Add(new YamlMap { { "machine", machine } });
        }

        if (!documents)
        {
            AddCriDocuments(docs, args, version);
            return docs;
        }

        foreach (var (name, mirror) in Sorted(args.Mirrors))
        {
            docs.Add(new YamlMap
            {
                { "apiVersion", "v1alpha1" },
                { "kind", "RegistryMirrorConfig" },
                { "name", name },
                {
                    "endpoints", mirror.Endpoints.Select(e => new YamlMap
                    {
                        { "url", e },
                        { "overridePath", mirror.OverridePath },
                    }).ToList()
                },
                { "skipFallback", mirror.SkipFallback },
            });
        }

        foreach (var (host, rc) in Sorted(args.RegistryConfig))
        {
            if (rc.Auth is { } auth)
            {
                var doc = new YamlMap { { "apiVersion", "v1alpha1" }, { "kind", "RegistryAuthConfig" }, { "name", host } };
                foreach (var (k, v) in AuthFields(auth, options))
                {
                    doc[k] = v;
                }

                docs.Add(doc);
            }
        }

        foreach (var (host, rc) in Sorted(args.RegistryConfig))
        {
            if (rc.Tls is { } tls)
            {
                var doc = new YamlMap { { "apiVersion", "v1alpha1" }, { "kind", "RegistryTLSConfig" }, { "name", host } };
                if (tls.ClientCertificate is not null || tls.ClientKey is not null)
                {
                    // Talos parses `cert` (raw PEM); the v1.12/v1.13 JSON schema wrongly says `crt` (siderolabs/talos
                    // pkg/machinery/config/types/cri/registry_tls.go; schema fixed in v1.14, commit d0291bb0b).
                    doc["clientIdentity"] = new YamlMap
                    {
                        { "cert", tls.ClientCertificate },
                        { "key", tls.ClientKey is { } key ? Text(key, options) : null },
                    };
                }

                doc["ca"] = tls.Ca;
                doc["insecureSkipVerify"] = tls.InsecureSkipVerify;
                docs.Add(doc);
            }
        }

        // One StaticHostConfig per IP (the document name is the IP and must be unique).
        var byIp = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in args.ExtraHostEntries)
        {
            if (!byIp.TryGetValue(e.Ip, out var names))
            {
                byIp[e.Ip] = names = new List<string>();
            }

            names.AddRange(e.Aliases.Where(a => !names.Contains(a)));
        }

        foreach (var (ip, names) in byIp)
        {
            docs.Add(new YamlMap { { "apiVersion", "v1alpha1" }, { "kind", "StaticHostConfig" }, { "name", ip }, { "hostnames", names } });
        }

        AddCriDocuments(docs, args, version);
        return docs;
    }

    /// <summary>The CRICustomizationConfig and EtcFileConfig documents of Talos v1.14+ (files and customisations).</summary>
    private static void AddCriDocuments(List<YamlMap> docs, TalosMachinePatchArgs args, TalosVersion version)
    {
        if (version.UsesCriCustomizationDocument)
        {
            foreach (var c in args.CriCustomizations)
            {
                docs.Add(new YamlMap { { "apiVersion", "v1alpha1" }, { "kind", "CRICustomizationConfig" }, { "name", c.Name }, { "content", c.Content } });
            }

            // A machine.files entry at the CRI customisation path is the same thing in the old form: render it as a document
            // too (the name `customization` is reserved by Talos for the legacy part).
            var part = args.Files.Where(f => f.Path == TalosFile.CriCustomizationPath).Select(f => f.Content).ToList();
            if (part.Count > 0)
            {
                docs.Add(new YamlMap
                {
                    { "apiVersion", "v1alpha1" },
                    { "kind", "CRICustomizationConfig" },
                    { "name", CriPartDocumentName },
                    { "content", string.Concat(part.Select(c => c.EndsWith('\n') ? c : c + "\n")) },
                });
            }

            foreach (var f in args.Files.Where(IsEtcFile))
            {
                docs.Add(new YamlMap
                {
                    { "apiVersion", "v1alpha1" },
                    { "kind", "EtcFileConfig" },
                    { "name", f.Path["/etc/".Length..] },
                    { "mode", f.Permissions },
                    { "contents", f.Content },
                });
            }
        }
    }

    private static List<YamlMap> LegacyFiles(TalosMachinePatchArgs args, bool includeCustomizations, bool etcFilesAsDocuments = false)
    {
        var files = new List<YamlMap>();
        if (includeCustomizations && args.CriCustomizations.Count > 0)
        {
            files.Add(new YamlMap
            {
                { "path", TalosFile.CriCustomizationPath },
                { "op", "create" },
                { "content", string.Concat(args.CriCustomizations.Select(c => c.Content.EndsWith('\n') ? c.Content : c.Content + "\n")) },
            });
        }

        foreach (var f in args.Files)
        {
            if (etcFilesAsDocuments && (IsEtcFile(f) || f.Path == TalosFile.CriCustomizationPath))
            {
                continue;
            }

            files.Add(new YamlMap
            {
                { "path", f.Path },
                { "op", f.Op.ToString().ToLowerInvariant() },
                { "permissions", f.Permissions },
                { "content", f.Content },
            });
        }

        return files;
    }

    private static bool IsEtcFile(TalosFile f) => f.Path.StartsWith("/etc/", StringComparison.Ordinal) && f.Path != TalosFile.CriCustomizationPath;

    private static YamlMap AuthFields(TalosRegistryAuth auth, TalosPatchOptions options)
    {
        var username = options.UsernamesThroughVariables && auth.UsernameVariable is { } uv ? "${" + uv + "}" : auth.Username;
        return new YamlMap
        {
            { "username", username },
            { "password", auth.Password is { } p ? Text(p, options) : null },
            { "auth", auth.Auth is { } a ? Text(a, options) : null },
            { "identityToken", auth.IdentityToken is { } t ? Text(t, options) : null },
        };
    }

    private static string Text(Secret s, TalosPatchOptions options) => options.SecretText?.Invoke(s) ?? s.Placeholder;

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));

    private static IEnumerable<KeyValuePair<string, T>> Sorted<T>(Dictionary<string, T> d) => d.OrderBy(kv => kv.Key, StringComparer.Ordinal);
}
