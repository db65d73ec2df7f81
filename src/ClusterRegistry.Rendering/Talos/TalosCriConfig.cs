using System.Security.Cryptography;
using System.Text;
using ClusterRegistry.Rendering.Toml;

namespace ClusterRegistry.Rendering.Talos;

/// <summary>
/// Talos's CRI registry part (<c>GenerateCRIConfig</c>: <c>/etc/cri/conf.d/01-registries.part</c>) and its merge of
/// <c>/etc/cri/conf.d/*.part</c> into <c>cri.toml</c> (internal/pkg/toml merge), byte for byte as in
/// golden/talos-cri-hosts.yaml.
/// </summary>
public static class TalosCriConfig
{
    public const string RegistryPartPath = "/etc/cri/conf.d/01-registries.part";
    public const string MergedPath = "/etc/cri/conf.d/cri.toml";

    /// <summary>The containerd 2.x CRI images plugin (Talos ≥ 1.8); Talos ≤ 1.7 used <c>io.containerd.grpc.v1.cri</c>.</summary>
    public const string ImagesPlugin = "io.containerd.cri.v1.images";

    /// <summary>
    /// The registry part: <c>config_path</c> and one auth table per auth key (mapped through containerd's DefaultHost,
    /// so <c>docker.io</c> becomes <c>registry-1.docker.io</c>), keys sorted, fields in Talos's struct order.
    /// </summary>
    public static string GenerateRegistryPart(TalosRegistries cfg, string plugin = ImagesPlugin, string hostsPath = TalosHostsGenerator.HostsBasePath)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        var root = new TomlMap();
        var registry = root.Table("plugins").Table(plugin).Table("registry");
        registry["config_path"] = hostsPath;
        var configs = registry.Table("configs");
        foreach (var (host, auth) in cfg.Auths.OrderBy(a => TalosHostsGenerator.DefaultHost(a.Key), StringComparer.Ordinal))
        {
            configs.Table(TalosHostsGenerator.DefaultHost(host))["auth"] = new TomlMap
            {
                ["username"] = auth.Username,
                ["password"] = auth.Password,
                ["auth"] = auth.Auth,
                ["identitytoken"] = auth.IdentityToken,
            };
        }

        return GoTomlEncoder.Encode(root, indentTables: true);
    }

    /// <summary>One input of <see cref="Merge"/>: its header label (a path, or a v1.14 origin) and its TOML text.</summary>
    public sealed record Part(string Label, string Contents);

    /// <summary>
    /// Talos's merge: one <c>## label (sha256:hex)</c> line per part, a blank line, then the parts decoded, deep-merged
    /// (later parts win) and re-encoded with sorted keys and 2-space indented tables.
    /// </summary>
    public static string Merge(IEnumerable<Part> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sb = new StringBuilder();
        var merged = new TomlMap();
        foreach (var part in parts)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(part.Contents)));
            sb.Append("## ").Append(part.Label).Append(" (sha256:").Append(hash).Append(")\n");
            TomlMap decoded;
            try
            {
                decoded = TomlReader.Parse(part.Contents);
            }
            catch (FormatException e)
            {
                throw new TalosRenderException($"error decoding \"{part.Label}\": {e.Message}");
            }

            DeepMerge(merged, decoded);
        }

        sb.Append('\n');
        sb.Append(GoTomlEncoder.Encode(merged.SortedDeep(), indentTables: true));
        return sb.ToString();
    }

    private static void DeepMerge(TomlMap into, TomlMap from)
    {
        foreach (var (key, value) in from)
        {
            if (value is TomlMap sub && into.TryGet(key, out var existing) && existing is TomlMap target)
            {
                DeepMerge(target, sub);
            }
            else
            {
                into[key] = value;
            }
        }
    }
}
