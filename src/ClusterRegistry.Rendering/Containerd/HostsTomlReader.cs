using System.Globalization;
using ClusterRegistry.Rendering.Toml;

namespace ClusterRegistry.Rendering.Containerd;

/// <summary>
/// Reads a hosts.toml exactly as containerd does (<c>core/remotes/docker/config/hosts.go</c>: <c>parseHostsFile</c>,
/// <c>parseHostConfig</c>, <c>ConfigureHosts</c>), so two files can be compared by what containerd will do with them
/// rather than by their bytes. Checked against golden/containerd-hosts.yaml for 2.x, 1.7 and 1.6.
/// </summary>
public static class HostsTomlReader
{
    private static readonly string[] RootKeys = ["server", "capabilities", "ca", "client", "skip_verify", "header", "override_path", "dial_timeout"];

    /// <summary>
    /// The hosts in the order containerd tries them: the <c>[host."…"]</c> entries in file order, then the root
    /// (<c>server</c>) entry last. Relative <c>ca</c>/<c>client</c> paths are joined to <paramref name="baseDir"/>.
    /// </summary>
    /// <exception cref="HostsTomlException">The file is not TOML, names an unknown capability, has a bad client pair,
    /// or (1.6) has no <c>[host]</c> table.</exception>
    public static IReadOnlyList<RegistryHostConfig> Parse(string hostsToml, string baseDir = "", ContainerdLine line = ContainerdLine.V2)
    {
        ArgumentNullException.ThrowIfNull(hostsToml);
        TomlMap root;
        try
        {
            root = TomlReader.Parse(hostsToml);
        }
        catch (FormatException e)
        {
            throw new HostsTomlException("failed to parse TOML: " + e.Message, e);
        }

        var result = new List<RegistryHostConfig>();
        if (!root.TryGet("host", out var hostValue) || hostValue is not TomlMap hosts)
        {
            if (line == ContainerdLine.V1_6)
            {
                throw new HostsTomlException("invalid `host` tree");
            }

            hosts = new TomlMap();
        }

        foreach (var name in HostsTomlOrder.HostTableOrder(hostsToml))
        {
            if (hosts.TryGet(name, out var t) && t is TomlMap table)
            {
                result.Add(ParseHostConfig(name, baseDir, table, line));
            }
        }

        var rootConfig = new TomlMap();
        foreach (var (key, value) in root)
        {
            if (RootKeys.Contains(key))
            {
                rootConfig[key] = value;
            }
        }

        var server = root.TryGet("server", out var s) && s is string str ? str : "";
        result.Add(ParseHostConfig(server, baseDir, rootConfig, line));
        return result;
    }

    /// <summary>
    /// The hosts containerd uses for <paramref name="registryHost"/> given the hosts.toml found for it (null when its
    /// directory has none): the parsed list with the upstream filled into a root entry without server, plus, per host,
    /// the scheme actually dialled and whether plain-HTTP fallback after a TLS failure applies.
    /// </summary>
    public static IReadOnlyList<ResolvedRegistryHost> Resolve(string registryHost, string? hostsToml, ResolveOptions? options = null, string baseDir = "", ContainerdLine line = ContainerdLine.V2)
    {
        ArgumentNullException.ThrowIfNull(registryHost);
        options ??= new ResolveOptions();
        var hosts = hostsToml is null
            ? new List<RegistryHostConfig> { new() { Capabilities = AllCapabilities(line) } }
            : Parse(hostsToml, baseDir, line).ToList();

        var last = hosts[^1];
        if (last.Host is null)
        {
            if (registryHost == "docker.io")
            {
                last = last with { Scheme = "https", Host = "registry-1.docker.io" };
            }
            else if (IsLocalhost(registryHost))
            {
                last = last with { Host = registryHost };
                if (string.IsNullOrEmpty(options.DefaultScheme))
                {
                    var port = Port(registryHost);
                    last = last with { Scheme = port is "" or "443" ? "https" : "http" };
                    if (port != "80")
                    {
                        last = last with { SkipVerify = true };
                    }
                }
                else
                {
                    last = last with { Scheme = options.DefaultScheme };
                }
            }
            else
            {
                last = last with { Host = registryHost, Scheme = string.IsNullOrEmpty(options.DefaultScheme) ? "https" : options.DefaultScheme };
            }

            // The implicit upstream always gets /v2 and every capability, whatever the file said at top level.
            last = last with { Path = "/v2", Capabilities = AllCapabilities(line) };
            hosts[^1] = last;
        }

        return hosts.Select(h =>
        {
            var fallback = false;
            var scheme = h.Scheme!;
            if (scheme == "http" && (h.HasTlsSettings || options.DefaultTls))
            {
                var port = Port(h.Host!);
                if (port != "80" && (line == ContainerdLine.V2 || line == ContainerdLine.V1_7 || port != ""))
                {
                    scheme = "https";
                    fallback = true;
                }
            }

            return new ResolvedRegistryHost(h, scheme, fallback);
        }).ToList();
    }

    /// <summary>
    /// A host directory without hosts.toml: <c>*.crt</c> files become CAs, <c>*.cert</c> files client certificates paired
    /// with the <c>*.key</c> of the same stem (containerd's docker-style discovery).
    /// </summary>
    public static RegistryHostConfig LoadCertFiles(string dir, IEnumerable<string> fileNames, ContainerdLine line = ContainerdLine.V2)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        var names = fileNames.OrderBy(n => n, StringComparer.Ordinal).ToList();
        var ca = names.Where(n => n.EndsWith(".crt", StringComparison.Ordinal)).Select(n => dir + "/" + n).ToList();
        var client = new List<(string, string)>();
        foreach (var cert in names.Where(n => n.EndsWith(".cert", StringComparison.Ordinal)))
        {
            var key = cert[..^".cert".Length] + ".key";
            if (!names.Contains(key))
            {
                throw new HostsTomlException($"missing key file {key} for client certificate {cert}");
            }

            client.Add((dir + "/" + cert, dir + "/" + key));
        }

        return new RegistryHostConfig
        {
            Capabilities = AllCapabilities(line),
            Ca = ca.Count == 0 ? null : ca,
            Client = client.Count == 0 ? null : client,
        };
    }

    public static HostCapabilities AllCapabilities(ContainerdLine line) =>
        HostCapabilities.Pull | HostCapabilities.Resolve | HostCapabilities.Push |
        (line == ContainerdLine.V2 ? HostCapabilities.Referrers : HostCapabilities.None);

    private static RegistryHostConfig ParseHostConfig(string server, string baseDir, TomlMap config, ContainerdLine line)
    {
        var overridePath = config.TryGet("override_path", out var op) && op is true;
        string? scheme = null, host = null;
        var path = "";
        if (server.Length > 0)
        {
            if (!server.StartsWith("http", StringComparison.Ordinal))
            {
                server = "https://" + server;
            }

            var schemeEnd = server.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd < 0)
            {
                throw new HostsTomlException($"invalid server URL '{server}'");
            }

            scheme = server[..schemeEnd];
            var rest = server[(schemeEnd + 3)..];
            var slash = rest.IndexOf('/');
            host = slash >= 0 ? rest[..slash] : rest;
            var urlPath = slash >= 0 ? rest[slash..] : "";
            var q = urlPath.IndexOfAny(['?', '#']);
            if (q >= 0)
            {
                urlPath = urlPath[..q];
            }

            if (urlPath.Length > 0)
            {
                urlPath = CleanPath(urlPath);
                if (!urlPath.EndsWith("/v2", StringComparison.Ordinal) && !overridePath)
                {
                    urlPath += "/v2";
                }
            }
            else if (!overridePath)
            {
                urlPath = "/v2";
            }

            path = urlPath;
        }

        var capabilities = HostCapabilities.None;
        if (config.TryGet("capabilities", out var caps) && caps is List<object> capList && capList.Count > 0)
        {
            foreach (var c in capList)
            {
                capabilities |= (c as string)?.ToLowerInvariant() switch
                {
                    "pull" => HostCapabilities.Pull,
                    "resolve" => HostCapabilities.Resolve,
                    "push" => HostCapabilities.Push,
                    "referrers" when line == ContainerdLine.V2 => HostCapabilities.Referrers,
                    _ => throw new HostsTomlException($"unknown capability {c}"),
                };
            }
        }
        else
        {
            capabilities = AllCapabilities(line);
        }

        List<string>? ca = null;
        if (config.TryGet("ca", out var caValue))
        {
            ca = caValue switch
            {
                string one => [AbsPath(one, baseDir)],
                List<object> many => many.Select(m => AbsPath(m as string ?? throw new HostsTomlException("invalid type for `ca` field"), baseDir)).ToList(),
                _ => throw new HostsTomlException("invalid type for `ca` field"),
            };
        }

        List<(string, string)>? client = null;
        if (config.TryGet("client", out var clientValue))
        {
            client = new();
            switch (clientValue)
            {
                case string one:
                    client.Add((AbsPath(one, baseDir), ""));
                    break;
                case List<object> many:
                    foreach (var item in many)
                    {
                        switch (item)
                        {
                            case string p:
                                client.Add((AbsPath(p, baseDir), ""));
                                break;
                            case List<object> pair when pair.Count == 2 && pair.All(x => x is string):
                                client.Add((AbsPath((string)pair[0], baseDir), AbsPath((string)pair[1], baseDir)));
                                break;
                            default:
                                throw new HostsTomlException($"invalid pair for `client` field");
                        }
                    }

                    break;
                default:
                    throw new HostsTomlException("invalid type for `client` field");
            }
        }

        bool? skipVerify = config.TryGet("skip_verify", out var sv) ? sv as bool? ?? throw new HostsTomlException("invalid type for `skip_verify`") : null;

        Dictionary<string, IReadOnlyList<string>>? header = null;
        if (config.TryGet("header", out var hv) && hv is TomlMap headerMap)
        {
            header = new(StringComparer.Ordinal);
            foreach (var (k, v) in headerMap)
            {
                header[k] = v switch
                {
                    string one => [one],
                    List<object> many => many.Select(m => m as string ?? throw new HostsTomlException("invalid header value")).ToList(),
                    _ => throw new HostsTomlException("invalid header value"),
                };
            }

            if (header.Count == 0)
            {
                header = null;
            }
        }

        string? dialTimeout = null;
        if (line == ContainerdLine.V2 && config.TryGet("dial_timeout", out var dt))
        {
            dialTimeout = dt as string ?? throw new HostsTomlException("invalid type for `dial_timeout`");
        }

        return new RegistryHostConfig
        {
            Scheme = scheme,
            Host = host,
            Path = path,
            Capabilities = capabilities,
            Ca = ca,
            Client = client,
            SkipVerify = skipVerify,
            Header = header,
            DialTimeout = dialTimeout,
        };
    }

    private static string AbsPath(string p, string baseDir) =>
        p.StartsWith('/') || baseDir.Length == 0 ? p : baseDir.TrimEnd('/') + "/" + p;

    /// <summary>Go <c>path.Clean</c> for absolute URL paths.</summary>
    private static string CleanPath(string p)
    {
        var parts = new List<string>();
        foreach (var seg in p.Split('/'))
        {
            if (seg is "" or ".")
            {
                continue;
            }

            if (seg == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(seg);
        }

        return "/" + string.Join('/', parts);
    }

    private static bool IsLocalhost(string host)
    {
        var h = HostOnly(host);
        return h == "localhost" || (System.Net.IPAddress.TryParse(h, out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }

    private static string HostOnly(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']');
            return end > 0 ? host[1..end] : host;
        }

        return host.Count(c => c == ':') == 1 ? host[..host.IndexOf(':')] : host;
    }

    /// <summary>Go <c>net.SplitHostPort</c>'s port, "" when there is none.</summary>
    private static string Port(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf("]:", StringComparison.Ordinal);
            return end > 0 ? host[(end + 2)..] : "";
        }

        return host.Count(c => c == ':') == 1 ? host[(host.IndexOf(':') + 1)..] : "";
    }
}

/// <summary>Resolver options containerd's CRI or a client passes (<c>DefaultScheme</c>, <c>DefaultTLS</c>).</summary>
public sealed record ResolveOptions
{
    public string? DefaultScheme { get; init; }

    /// <summary>True when the resolver has a default TLS config.</summary>
    public bool DefaultTls { get; init; }
}

/// <summary>A resolved host: its configuration, the scheme dialled, and whether plain-HTTP fallback applies.</summary>
public sealed record ResolvedRegistryHost(RegistryHostConfig Config, string Scheme, bool UsesHttpFallback);
