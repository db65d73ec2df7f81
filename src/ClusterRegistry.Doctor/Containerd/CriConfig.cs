using Tomlyn;
using Tomlyn.Model;

namespace ClusterRegistry.Doctor.Containerd;

/// <summary>
/// What doctor needs from a node's merged CRI configuration (<c>/etc/cri/conf.d/cri.toml</c>): which registry hosts have
/// auth, and <c>discard_unpacked_layers</c>. Reads both plugin layouts: containerd 2.x
/// (<c>plugins."io.containerd.cri.v1.images"</c>, Talos ≥ 1.8) and 1.x (<c>plugins."io.containerd.grpc.v1.cri"</c>, the
/// sandbox's containerd 1.6). Credential values are never kept.
/// </summary>
public sealed class CriConfig
{
    public const string ImagesPluginV2 = "io.containerd.cri.v1.images";
    public const string CriPluginV1 = "io.containerd.grpc.v1.cri";

    private CriConfig(IReadOnlySet<string> authHosts, bool? discardUnpackedLayers)
    {
        AuthHosts = authHosts;
        DiscardUnpackedLayers = discardUnpackedLayers;
    }

    /// <summary>Hosts under <c>registry.configs.&lt;host&gt;.auth</c> with a username, auth string or identity token.</summary>
    public IReadOnlySet<string> AuthHosts { get; }

    /// <summary>The effective <c>discard_unpacked_layers</c>, null when the file does not set it.</summary>
    public bool? DiscardUnpackedLayers { get; }

    public static CriConfig Parse(string text)
    {
        TomlTable root;
        try
        {
            root = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw new FormatException(TomlSyntaxError.Describe(e), e);
        }

        var auth = new SortedSet<string>(StringComparer.Ordinal);
        bool? discard = null;
        if (Table(root, "plugins") is { } plugins)
        {
            foreach (var plugin in new[] { CriPluginV1, ImagesPluginV2 })
            {
                if (Table(plugins, plugin) is not { } p)
                {
                    continue;
                }

                if (Table(Table(p, "registry"), "configs") is { } configs)
                {
                    foreach (var (host, value) in configs)
                    {
                        if (Table(value as TomlTable, "auth") is { } a && (NonEmpty(a, "username") || NonEmpty(a, "auth") || NonEmpty(a, "identitytoken")))
                        {
                            auth.Add(host);
                        }
                    }
                }

                // 2.x: plugins."io.containerd.cri.v1.images".discard_unpacked_layers; 1.x: ...grpc.v1.cri".containerd.discard_unpacked_layers
                var holder = plugin == ImagesPluginV2 ? p : Table(p, "containerd");
                if (holder is not null && holder.TryGetValue("discard_unpacked_layers", out var d) && d is bool b)
                {
                    discard = b;
                }
            }
        }

        return new CriConfig(auth, discard);
    }

    private static TomlTable? Table(TomlTable? t, string key) => t is not null && t.TryGetValue(key, out var v) ? v as TomlTable : null;

    private static bool NonEmpty(TomlTable t, string key) => t.TryGetValue(key, out var v) && v is string s && s.Length > 0;
}
