using System.Text;
using ClusterRegistry.Rendering.Toml;

namespace ClusterRegistry.Rendering.Talos;

/// <summary>
/// Talos's <c>GenerateHosts</c> (siderolabs/talos internal/pkg/containers/cri/containerd/hosts.go, expected outputs in
/// hosts_test.go): the directories Talos writes under <c>/etc/cri/conf.d/hosts</c>, byte for byte (checked against
/// golden/talos-cri-hosts.yaml).
/// </summary>
public static class TalosHostsGenerator
{
    public const string HostsBasePath = "/etc/cri/conf.d/hosts";

    /// <summary>
    /// Directory name → files in emission order (certificates first, <c>hosts.toml</c> last). Throws
    /// <see cref="TalosRenderException"/> for a TLS config on <c>*</c>, as Talos does.
    /// </summary>
    public static SortedDictionary<string, List<KeyValuePair<string, string>>> Generate(TalosRegistries cfg, string basePath = HostsBasePath)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        var dirs = new SortedDictionary<string, List<KeyValuePair<string, string>>>(StringComparer.Ordinal);

        foreach (var (registry, mirror) in cfg.Mirrors)
        {
            var dirName = HostDirectory(registry);
            var files = new List<KeyValuePair<string, string>>();
            var endpoints = mirror.Endpoints;
            var sb = new StringBuilder();
            var hostEndpoints = endpoints;
            if (mirror.SkipFallback && endpoints.Count > 0)
            {
                // DisableFallback: the last endpoint becomes the root "server" entry.
                var last = endpoints[^1];
                var root = HostEntry(cfg, last, dirName, basePath, files);
                sb.Append("server = ").Append(GoTomlEncoder.EncodeString(last.Url)).Append('\n');
                AppendKvs(sb, root, indent: 0);
                hostEndpoints = endpoints.Take(endpoints.Count - 1).ToList();
            }

            for (var i = 0; i < hostEndpoints.Count; i++)
            {
                var ep = hostEndpoints[i];
                var entry = HostEntry(cfg, ep, dirName, basePath, files);
                if (i == 0)
                {
                    sb.Append("[host]\n");
                }

                sb.Append("  [host.").Append(GoTomlEncoder.EncodeKey(ep.Url)).Append("]\n");
                AppendKvs(sb, entry, indent: 2);
            }

            files.Add(new("hosts.toml", sb.ToString()));
            dirs[dirName] = Dedupe(files);
        }

        foreach (var (host, tls) in cfg.Tls)
        {
            var dirName = HostDirectory(host);
            if (dirs.ContainsKey(dirName))
            {
                continue;
            }

            if (tls.Ca is null && !tls.HasClientIdentity && !tls.InsecureSkipVerify)
            {
                continue;
            }

            if (host == "*")
            {
                throw new TalosRenderException("wildcard host TLS configuration is not supported");
            }

            var files = new List<KeyValuePair<string, string>>();
            var entry = new TomlMap();
            ConfigureEndpoint(cfg, host, dirName, basePath, entry, files);
            var sb = new StringBuilder();
            sb.Append("server = ").Append(GoTomlEncoder.EncodeString("https://" + DefaultHost(host))).Append('\n');
            AppendKvs(sb, entry, indent: 0);
            files.Add(new("hosts.toml", sb.ToString()));
            dirs[dirName] = Dedupe(files);
        }

        return dirs;
    }

    /// <summary>Talos/containerd directory naming: <c>*</c> → <c>_default</c>; the last <c>:port</c> → <c>_port_</c>.</summary>
    public static string HostDirectory(string host)
    {
        if (host == "*")
        {
            return "_default";
        }

        var idx = host.LastIndexOf(':');
        return idx > 0 ? host[..idx] + "_" + host[(idx + 1)..] + "_" : host;
    }

    /// <summary>containerd <c>docker.DefaultHost</c>: <c>docker.io</c> → <c>registry-1.docker.io</c>, others unchanged.</summary>
    public static string DefaultHost(string host) => host == "docker.io" ? "registry-1.docker.io" : host;

    private static TomlMap HostEntry(TalosRegistries cfg, TalosRegistries.EndpointSpec ep, string dirName, string basePath, List<KeyValuePair<string, string>> files)
    {
        var entry = new TomlMap
        {
            ["capabilities"] = new List<object> { "pull", "resolve" },
        };
        if (ep.OverridePath)
        {
            entry["override_path"] = true;
        }

        var host = UrlHost(ep.Url);
        ConfigureEndpoint(cfg, host, dirName, basePath, entry, files);
        return entry;
    }

    private static void ConfigureEndpoint(TalosRegistries cfg, string host, string dirName, string basePath, TomlMap entry, List<KeyValuePair<string, string>> files)
    {
        if (!cfg.Tls.TryGetValue(host, out var tls))
        {
            return;
        }

        if (tls.Ca is not null)
        {
            var rel = host + "-ca.crt";
            files.Add(new(rel, tls.Ca));
            entry["ca"] = basePath + "/" + dirName + "/" + rel;
        }

        if (tls.HasClientIdentity)
        {
            var crt = host + "-client.crt";
            var key = host + "-client.key";
            files.Add(new(crt, tls.ClientCertificate ?? ""));
            files.Add(new(key, tls.ClientKey ?? ""));
            entry["client"] = new List<object> { new List<object> { basePath + "/" + dirName + "/" + crt, basePath + "/" + dirName + "/" + key } };
        }

        if (tls.InsecureSkipVerify)
        {
            entry["skip_verify"] = true;
        }
    }

    private static void AppendKvs(StringBuilder sb, TomlMap entry, int indent)
    {
        // HostToml field order: capabilities, override_path, ca, client, skip_verify.
        foreach (var key in new[] { "capabilities", "override_path", "ca", "client", "skip_verify" })
        {
            if (entry.TryGet(key, out var value))
            {
                var one = new TomlMap { [key] = value };
                foreach (var line in GoTomlEncoder.Encode(one, indentTables: false).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    sb.Append(' ', indent * 2).Append(line).Append('\n');
                }
            }
        }
    }

    /// <summary>The host[:port] of an endpoint URL, as Go's <c>url.URL.Host</c>.</summary>
    internal static string UrlHost(string url)
    {
        var rest = url;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }

        var end = rest.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            rest = rest[..end];
        }

        var at = rest.LastIndexOf('@');
        return at >= 0 ? rest[(at + 1)..] : rest;
    }

    private static List<KeyValuePair<string, string>> Dedupe(List<KeyValuePair<string, string>> files)
    {
        // The same endpoint host twice in one mirror writes its certificate twice; on disk the last write wins.
        var result = new List<KeyValuePair<string, string>>();
        foreach (var f in files)
        {
            var i = result.FindIndex(r => r.Key == f.Key);
            if (i >= 0)
            {
                result[i] = f;
            }
            else
            {
                result.Add(f);
            }
        }

        return result;
    }
}

/// <summary>Talos would refuse this configuration when rendering it on the node (the message is Talos's own).</summary>
public sealed class TalosRenderException(string message) : Exception(message);
