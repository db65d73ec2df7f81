using System.Text;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;

namespace ClusterRegistry.Doctor.Sandbox;

/// <summary>Where a sandboxed containerd keeps its state; every path is private to the sandbox.</summary>
public sealed record Containerd16Paths(string Root, string State, string Socket, string HostsDirectory, string ConfigFile)
{
    /// <summary>The conventional layout under one folder.</summary>
    public static Containerd16Paths Under(string directory) => new(
        Path.Combine(directory, "root"), Path.Combine(directory, "state"), Path.Combine(directory, "containerd.sock"),
        Path.Combine(directory, "hosts"), Path.Combine(directory, "config.toml"));
}

/// <summary>What a containerd 1.6 sandbox needs on disk: its config, its hosts folder and a private /etc/hosts.</summary>
public sealed class Containerd16Sandbox
{
    public required string ConfigToml { get; init; }

    /// <summary>hosts.toml files by path relative to the hosts folder (<c>127.0.0.105/hosts.toml</c>).</summary>
    public required IReadOnlyDictionary<string, string> HostsFiles { get; init; }

    /// <summary>The /etc/hosts to bind-mount over the real one inside containerd's mount namespace.</summary>
    public required string EtcHosts { get; init; }

    /// <summary>Registry hosts that got credentials (for messages; never the credentials).</summary>
    public required IReadOnlyList<string> AuthHosts { get; init; }

    /// <summary>Writes the config and the hosts folder; returns the path of the private /etc/hosts file.</summary>
    public string WriteTo(Containerd16Paths paths)
    {
        Directory.CreateDirectory(paths.Root);
        Directory.CreateDirectory(paths.State);
        Directory.CreateDirectory(paths.HostsDirectory);
        foreach (var (rel, text) in HostsFiles)
        {
            var full = Path.Combine(paths.HostsDirectory, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        File.WriteAllText(paths.ConfigFile, ConfigToml);
        var hosts = Path.Combine(Path.GetDirectoryName(paths.ConfigFile)!, "etc-hosts");
        File.WriteAllText(hosts, EtcHosts);
        return hosts;
    }
}

/// <summary>
/// Translates a node view — the exact files Talos leaves on a node, in Talos's form for containerd 2.x — into what the
/// containerd 1.6 of a Debian sandbox reads:
/// <list type="bullet">
/// <item>cri.toml auth moves from <c>plugins."io.containerd.cri.v1.images".registry.configs."host".auth</c> (2.x, Talos ≥ 1.8)
/// to <c>plugins."io.containerd.grpc.v1.cri".registry.configs."host".auth</c> (1.x); <c>${VAR}</c> placeholders are resolved
/// through a lookup, since only the sandbox (like a node) holds real secrets;</item>
/// <item>hosts.toml files are copied, and one without a <c>[host]</c> table gets an empty one, because 1.6's
/// <c>getSortedHosts</c> rejects such a file ("invalid `host` tree", golden/containerd-hosts.yaml) while 1.7+/2.x accept it;</item>
/// <item><c>config_path</c> points at the sandbox's hosts folder; /etc/hosts lines are kept, with addresses optionally
/// remapped (so a test can serve "the ClusterIP" on a loopback address of its own).</item>
/// </list>
/// The node view itself keeps Talos's (2.x) form; only the sandbox writes the 1.6 keys.
/// </summary>
public static partial class Containerd16Config
{
    /// <summary>CRI plugin key in containerd 1.x (config version 2).</summary>
    public const string CriPluginV1 = "io.containerd.grpc.v1.cri";

    /// <summary>CRI images plugin key in containerd 2.x (config version 3), which Talos ≥ 1.8 writes.</summary>
    public const string CriImagesPluginV2 = "io.containerd.cri.v1.images";

    /// <summary>Translates a node view for a sandbox.</summary>
    /// <param name="nodeFiles">Node path → content, as the node view renders them.</param>
    /// <param name="paths">The sandbox's private folders and socket.</param>
    /// <param name="secretLookup">Resolves <c>${VAR}</c> placeholders; an unresolved one is an error naming the variable.</param>
    /// <param name="addressRemap">Replaces /etc/hosts addresses (e.g. the ClusterIP) by sandbox addresses.</param>
    public static Containerd16Sandbox Translate(
        IReadOnlyDictionary<string, string> nodeFiles, Containerd16Paths paths, Func<string, string?> secretLookup,
        IReadOnlyDictionary<string, string>? addressRemap = null)
    {
        var hostsPrefix = NodeFilePaths.HostsDirectory + "/";
        var hostsFiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in nodeFiles)
        {
            if (path.StartsWith(hostsPrefix, StringComparison.Ordinal) && path.EndsWith("/hosts.toml", StringComparison.Ordinal))
            {
                hostsFiles[path[hostsPrefix.Length..]] = HostsTomlFor16(text);
            }
        }

        var auths = nodeFiles.TryGetValue(NodeFilePaths.CriToml, out var cri) ? ReadAuths(cri) : new SortedDictionary<string, TomlTable>(StringComparer.Ordinal);
        var etcHosts = nodeFiles.TryGetValue(NodeFilePaths.EtcHosts, out var h) ? h : "";
        etcHosts = "127.0.0.1 localhost\n" + RemapHosts(etcHosts, addressRemap);
        var config = BuildConfig(paths, auths, secretLookup);
        return new Containerd16Sandbox
        {
            ConfigToml = config,
            HostsFiles = hostsFiles,
            EtcHosts = etcHosts,
            AuthHosts = auths.Keys.ToArray(),
        };
    }

    /// <summary>A hosts.toml containerd 1.6 can parse: the text unchanged, plus an empty <c>[host]</c> table if it has none.</summary>
    public static string HostsTomlFor16(string hostsToml)
    {
        var model = TomlSerializer.Deserialize<TomlTable>(hostsToml, (TomlSerializerOptions?)null)!;
        if (model.ContainsKey("host"))
        {
            return hostsToml;
        }

        return hostsToml.TrimEnd('\n') + "\n\n# added for containerd 1.6, which rejects a hosts.toml without a [host] table\n[host]\n";
    }

    private static SortedDictionary<string, TomlTable> ReadAuths(string criToml)
    {
        var result = new SortedDictionary<string, TomlTable>(StringComparer.Ordinal);
        var model = TomlSerializer.Deserialize<TomlTable>(criToml, (TomlSerializerOptions?)null)!;
        if (!model.TryGetValue("plugins", out var p) || p is not TomlTable plugins)
        {
            return result;
        }

        foreach (var key in new[] { CriImagesPluginV2, CriPluginV1 })
        {
            if (plugins.TryGetValue(key, out var plugin) && plugin is TomlTable pt &&
                pt.TryGetValue("registry", out var reg) && reg is TomlTable registry &&
                registry.TryGetValue("configs", out var cfgs) && cfgs is TomlTable configs)
            {
                foreach (var (host, value) in configs)
                {
                    if (value is TomlTable hostTable && hostTable.TryGetValue("auth", out var a) && a is TomlTable auth)
                    {
                        result[host] = auth;
                    }
                }
            }
        }

        return result;
    }

    private static string BuildConfig(Containerd16Paths paths, SortedDictionary<string, TomlTable> auths, Func<string, string?> secretLookup)
    {
        var configs = new TomlTable();
        foreach (var (host, auth) in auths)
        {
            var resolved = new TomlTable();
            foreach (var field in new[] { "username", "password", "auth", "identitytoken" })
            {
                if (auth.TryGetValue(field, out var v) && v is string s && s.Length > 0)
                {
                    resolved[field] = Resolve(s, secretLookup, $"{NodeFilePaths.CriToml} registry.configs.\"{host}\".auth.{field}");
                }
            }

            configs[host] = new TomlTable { ["auth"] = resolved };
        }

        var cri = new TomlTable
        {
            ["sandbox_image"] = "registry.k8s.io/pause:3.6",
            ["stream_server_address"] = "127.0.0.1",
            ["stream_server_port"] = "0",
            ["enable_selinux"] = false,
            ["containerd"] = new TomlTable { ["snapshotter"] = "native", ["discard_unpacked_layers"] = false },
            ["cni"] = new TomlTable
            {
                ["bin_dir"] = Path.Combine(paths.Root, "cni-bin"),
                ["conf_dir"] = Path.Combine(paths.Root, "cni-conf"),
            },
            ["registry"] = new TomlTable { ["config_path"] = paths.HostsDirectory, ["configs"] = configs },
        };
        var model = new TomlTable
        {
            ["version"] = 2L,
            ["root"] = paths.Root,
            ["state"] = paths.State,
            ["disabled_plugins"] = new TomlArray
            {
                "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.devmapper",
                "io.containerd.snapshotter.v1.zfs", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing",
            },
            ["grpc"] = new TomlTable { ["address"] = paths.Socket },
            ["ttrpc"] = new TomlTable { ["address"] = paths.Socket + ".ttrpc" },
            ["debug"] = new TomlTable { ["level"] = "info" },
            ["plugins"] = new TomlTable
            {
                [CriPluginV1] = cri,
                ["io.containerd.internal.v1.opt"] = new TomlTable { ["path"] = Path.Combine(paths.Root, "opt") },
            },
        };
        return "# containerd 1.6 sandbox config, translated from a node view (ClusterRegistry.Doctor.Sandbox.Containerd16Config)\n" +
               TomlSerializer.Serialize(model, (TomlSerializerOptions?)null).ReplaceLineEndings("\n");
    }

    private static string Resolve(string value, Func<string, string?> lookup, string where) =>
        Placeholder().Replace(value, m => lookup(m.Groups[1].Value)
            ?? throw new StackDefinitionException(where, "secret", m.Value, $"the variable {m.Groups[1].Value} is not set, so the sandbox cannot resolve it"));

    private static string RemapHosts(string etcHosts, IReadOnlyDictionary<string, string>? remap)
    {
        var sb = new StringBuilder();
        foreach (var raw in etcHosts.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && !line.TrimStart().StartsWith('#') && remap is not null && remap.TryGetValue(parts[0], out var to))
            {
                line = to + " " + parts[1].Trim();
            }

            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
