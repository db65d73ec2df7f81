using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Talos;

/// <summary>
/// Reads Talos machine configuration documents (whole configs, strategic-merge patches, RFC 6902 JSON patches) into a
/// <see cref="TalosConfigAccumulator"/>: the legacy v1alpha1 fields <c>machine.registries</c>,
/// <c>machine.network.extraHostEntries</c>, <c>machine.files</c>, and the multi-document kinds RegistryMirrorConfig,
/// RegistryAuthConfig, RegistryTLSConfig, StaticHostConfig, CRICustomizationConfig, EtcFileConfig
/// (talos <c>pkg/machinery/config/types/cri</c>, <c>network/static_host.go</c>, <c>runtime/etc_file.go</c>).
/// </summary>
public static class TalosConfigReader
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "RegistryMirrorConfig", "RegistryAuthConfig", "RegistryTLSConfig", "StaticHostConfig", "CRICustomizationConfig", "EtcFileConfig",
    };

    /// <summary>True when the document is Talos machine configuration this reader understands (or a JSON patch on <c>/machine</c>).</summary>
    public static bool IsTalosDocument(YamlNode doc)
    {
        if (doc is YamlMappingNode)
        {
            var kind = YamlNav.TextAt(doc, "kind");
            if (kind is not null)
            {
                return YamlNav.TextAt(doc, "apiVersion") == "v1alpha1" && Kinds.Contains(kind);
            }

            return YamlNav.Get(doc, "machine") is YamlMappingNode && YamlNav.Get(doc, "apiVersion") is null;
        }

        return doc is YamlSequenceNode seq && seq.Children.Count > 0 && seq.Children.All(c => YamlNav.TextAt(c, "op") is not null && (YamlNav.TextAt(c, "path") ?? "").StartsWith("/machine", StringComparison.Ordinal));
    }

    /// <summary>Applies one document.</summary>
    public static void Apply(YamlNode doc, ReadContext ctx, TalosConfigAccumulator acc)
    {
        switch (doc)
        {
            case YamlSequenceNode seq:
                ApplyJsonPatch(seq, ctx, acc);
                return;
            case YamlMappingNode when YamlNav.TextAt(doc, "kind") is { } kind:
                ApplyKind(kind, doc, ctx, acc);
                return;
            case YamlMappingNode:
                ApplyMachine(YamlNav.Get(doc, "machine"), ctx, acc);
                return;
        }
    }

    private static void ApplyMachine(YamlNode? machine, ReadContext ctx, TalosConfigAccumulator acc)
    {
        if (YamlNav.Get(machine, "registries") is { } registries)
        {
            ApplyRegistries(registries, ctx, acc);
        }

        if (YamlNav.At(machine, "network", "extraHostEntries") is { } hosts)
        {
            ApplyHostEntries(hosts, ctx, acc);
        }

        if (YamlNav.Get(machine, "files") is { } files)
        {
            ApplyFiles(files, ctx, acc);
        }
    }

    private static void ApplyRegistries(YamlNode registries, ReadContext ctx, TalosConfigAccumulator acc)
    {
        acc.UsesLegacyRegistryFields = true;
        foreach (var kv in YamlNav.Entries(YamlNav.Get(registries, "mirrors")))
        {
            ApplyLegacyMirror(kv.Key, kv.Value, ctx, acc);
        }

        foreach (var kv in YamlNav.Entries(YamlNav.Get(registries, "config")))
        {
            ApplyLegacyConfig(kv.Key, kv.Value, ctx, acc);
        }
    }

    private static void ApplyLegacyMirror(YamlNode keyNode, YamlNode value, ReadContext ctx, TalosConfigAccumulator acc)
    {
        var mirror = new MirrorInfo
        {
            Key = ctx.Str(keyNode),
            OverridePath = ctx.OptBool(YamlNav.Get(value, "overridePath")),
            SkipFallback = ctx.OptBool(YamlNav.Get(value, "skipFallback")),
            Location = ctx.Loc(keyNode),
        };
        var endpoints = YamlNav.Get(value, "endpoints");
        mirror.Endpoints.Location = ctx.Loc(endpoints ?? keyNode);
        if (endpoints is not null and not YamlSequenceNode)
        {
            mirror.Endpoints.HasUnknownEntries = true;
        }

        foreach (var e in YamlNav.Items(endpoints))
        {
            mirror.Endpoints.Add(ctx.Str(e));
        }

        acc.SetMirror(mirror);
    }

    private static void ApplyLegacyConfig(YamlNode keyNode, YamlNode value, ReadContext ctx, TalosConfigAccumulator acc)
    {
        var config = acc.Config(ctx.Str(keyNode), ctx.Loc(keyNode));
        if (YamlNav.Get(value, "auth") is { } auth && !YamlNav.IsNull(auth))
        {
            config.Auth = Val<AuthInfo?>.Known(Auth(auth, ctx), ctx.Loc(auth));
        }

        if (YamlNav.Get(value, "tls") is { } tls && !YamlNav.IsNull(tls))
        {
            config.Tls = Val<TlsInfo?>.Known(new TlsInfo
            {
                InsecureSkipVerify = ctx.OptBool(YamlNav.Get(tls, "insecureSkipVerify")),
                Ca = ctx.OptStr(YamlNav.Get(tls, "ca")),
                ClientKey = ctx.Secret(YamlNav.At(tls, "clientIdentity", "key"), "tls.clientIdentity.key"),
                Location = ctx.Loc(tls),
            }, ctx.Loc(tls));
        }
    }

    private static AuthInfo Auth(YamlNode node, ReadContext ctx)
    {
        var userNode = YamlNav.Get(node, "username");
        var username = ctx.OptStr(userNode);
        var raw = YamlNav.Text(userNode) ?? "";
        var variable = raw.StartsWith("${", StringComparison.Ordinal) && raw.EndsWith('}') ? raw[2..^1] : null;
        return new AuthInfo
        {
            Username = username,
            UsernameVariable = Val<string?>.Known(variable, ctx.Loc(userNode)),
            Password = ctx.Secret(YamlNav.Get(node, "password"), "password"),
            AuthString = ctx.Secret(YamlNav.Get(node, "auth"), "auth"),
            IdentityToken = ctx.Secret(YamlNav.Get(node, "identityToken"), "identityToken"),
            Location = ctx.Loc(node),
        };
    }

    private static void ApplyHostEntries(YamlNode hosts, ReadContext ctx, TalosConfigAccumulator acc)
    {
        acc.UsesLegacyRegistryFields = true;
        foreach (var h in YamlNav.Items(hosts))
        {
            var entry = new HostEntryInfo { Ip = ctx.Str(YamlNav.Get(h, "ip")), Location = ctx.Loc(h) };
            foreach (var a in YamlNav.Items(YamlNav.Get(h, "aliases")))
            {
                entry.Aliases.Add(ctx.Str(a));
            }

            acc.HostEntries.Add(entry);
        }
    }

    private static void ApplyFiles(YamlNode files, ReadContext ctx, TalosConfigAccumulator acc)
    {
        foreach (var f in YamlNav.Items(files))
        {
            acc.Files.Add(new TalosFileInfo
            {
                Path = ctx.Str(YamlNav.Get(f, "path")),
                Content = ctx.Str(YamlNav.Get(f, "content")),
                Op = YamlNav.Get(f, "op") is { } op ? ctx.Str(op) : Val<string>.Known("create", ctx.Loc(f)),
                Location = ctx.Loc(f),
            });
        }
    }

    private static void ApplyKind(string kind, YamlNode doc, ReadContext ctx, TalosConfigAccumulator acc)
    {
        var nameNode = YamlNav.Get(doc, "name");
        var name = ctx.Str(nameNode);
        if (kind is "RegistryMirrorConfig" or "RegistryAuthConfig" or "RegistryTLSConfig")
        {
            acc.RegistryDocumentLocation ??= ctx.Loc(YamlNav.Get(doc, "kind") ?? doc);
        }
        else if (kind is "StaticHostConfig" or "EtcFileConfig" or "CRICustomizationConfig" && !acc.DocumentKinds.Exists(k => k.Key == kind))
        {
            acc.DocumentKinds.Add(new KeyValuePair<string, object?>(kind, ctx.Loc(YamlNav.Get(doc, "kind") ?? doc)));
        }

        switch (kind)
        {
            case "RegistryMirrorConfig":
            {
                var mirror = new MirrorInfo
                {
                    Key = name,
                    SkipFallback = ctx.OptBool(YamlNav.Get(doc, "skipFallback")),
                    Location = ctx.Loc(nameNode ?? doc),
                };
                var endpoints = YamlNav.Get(doc, "endpoints");
                mirror.Endpoints.Location = ctx.Loc(endpoints ?? doc);
                Val<bool?>? overridePath = null;
                foreach (var e in YamlNav.Items(endpoints))
                {
                    mirror.Endpoints.Add(ctx.Str(YamlNav.Get(e, "url")));
                    var o = ctx.OptBool(YamlNav.Get(e, "overridePath"));
                    // overridePath is per endpoint here and per mirror in the model: known only when every endpoint agrees.
                    overridePath = overridePath is null ? o
                        : overridePath.Value.IsKnown && o.IsKnown && overridePath.Value.Value == o.Value ? overridePath
                        : Val<bool?>.Unknown(o.Location);
                }

                mirror.OverridePath = overridePath ?? Val<bool?>.Known(null, ctx.Loc(doc));
                acc.SetMirror(mirror);
                break;
            }

            case "RegistryAuthConfig":
                acc.Config(name, ctx.Loc(nameNode ?? doc)).Auth = Val<AuthInfo?>.Known(Auth(doc, ctx), ctx.Loc(nameNode ?? doc));
                break;
            case "RegistryTLSConfig":
                acc.Config(name, ctx.Loc(nameNode ?? doc)).Tls = Val<TlsInfo?>.Known(new TlsInfo
                {
                    InsecureSkipVerify = ctx.OptBool(YamlNav.Get(doc, "insecureSkipVerify")),
                    Ca = ctx.OptStr(YamlNav.Get(doc, "ca")),
                    ClientKey = ctx.Secret(YamlNav.At(doc, "clientIdentity", "key"), "clientIdentity.key"),
                    Location = ctx.Loc(nameNode ?? doc),
                }, ctx.Loc(nameNode ?? doc));
                break;
            case "StaticHostConfig":
            {
                var entry = new HostEntryInfo { Ip = name, Location = ctx.Loc(nameNode ?? doc) };
                foreach (var h in YamlNav.Items(YamlNav.Get(doc, "hostnames")))
                {
                    entry.Aliases.Add(ctx.Str(h));
                }

                acc.HostEntries.Add(entry);
                break;
            }

            case "CRICustomizationConfig":
                acc.CriCustomizations.Add(new CriCustomizationInfo { Name = name, Content = ctx.Str(YamlNav.Get(doc, "content")), Location = ctx.Loc(nameNode ?? doc) });
                break;
            case "EtcFileConfig":
                acc.Files.Add(new TalosFileInfo
                {
                    Path = name.Map(n => "/etc/" + n.TrimStart('/')),
                    Content = ctx.Str(YamlNav.Get(doc, "contents")),
                    Op = Val<string>.Known("overwrite", ctx.Loc(doc)),
                    Location = ctx.Loc(nameNode ?? doc),
                });
                break;
        }
    }

    /// <summary>RFC 6902 operations on the registry paths; any other <c>/machine</c> path leaves the lists incomplete.</summary>
    private static void ApplyJsonPatch(YamlSequenceNode ops, ReadContext ctx, TalosConfigAccumulator acc)
    {
        foreach (var op in ops.Children)
        {
            var verb = YamlNav.TextAt(op, "op");
            var path = YamlNav.TextAt(op, "path") ?? "";
            var value = YamlNav.Get(op, "value");
            if (verb is not ("add" or "replace") || value is null)
            {
                if (path.StartsWith("/machine/registries", StringComparison.Ordinal) || path.StartsWith("/machine/files", StringComparison.Ordinal) || path.StartsWith("/machine/network/extraHostEntries", StringComparison.Ordinal))
                {
                    acc.Incomplete = true;
                }

                continue;
            }

            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();
            switch (segments)
            {
                case ["machine"]:
                    ApplyMachine(value, ctx, acc);
                    break;
                case ["machine", "registries"]:
                    ApplyRegistries(value, ctx, acc);
                    break;
                case ["machine", "registries", "mirrors"]:
                    ApplyRegistries(Wrap("mirrors", value), ctx, acc);
                    break;
                case ["machine", "registries", "config"]:
                    ApplyRegistries(Wrap("config", value), ctx, acc);
                    break;
                case ["machine", "registries", "mirrors", var key]:
                    acc.UsesLegacyRegistryFields = true;
                    ApplyLegacyMirror(new YamlScalarNode(key), value, ctx, acc);
                    break;
                case ["machine", "registries", "config", var key]:
                    acc.UsesLegacyRegistryFields = true;
                    ApplyLegacyConfig(new YamlScalarNode(key), value, ctx, acc);
                    break;
                case ["machine", "files"]:
                    ApplyFiles(value, ctx, acc);
                    break;
                case ["machine", "files", "-"]:
                    ApplyFiles(new YamlSequenceNode(value), ctx, acc);
                    break;
                case ["machine", "network", "extraHostEntries"]:
                    ApplyHostEntries(value, ctx, acc);
                    break;
                case ["machine", "network", "extraHostEntries", "-"]:
                    ApplyHostEntries(new YamlSequenceNode(value), ctx, acc);
                    break;
                case ["machine", "network"]:
                    ApplyMachine(Wrap("network", value), ctx, acc);
                    break;
                default:
                    if (path.StartsWith("/machine/registries", StringComparison.Ordinal) || path.StartsWith("/machine/files", StringComparison.Ordinal) || path.StartsWith("/machine/network/extraHostEntries", StringComparison.Ordinal))
                    {
                        acc.Incomplete = true;
                    }

                    break;
            }
        }
    }

    private static YamlMappingNode Wrap(string key, YamlNode value) => new(new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(key), value));
}
