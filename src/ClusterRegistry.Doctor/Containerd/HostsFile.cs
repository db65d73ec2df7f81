using Tomlyn;
using Tomlyn.Model;

namespace ClusterRegistry.Doctor.Containerd;

/// <summary>One host containerd tries for a registry, in the order it tries them (research/spegel-containerd.md §5).</summary>
/// <param name="Url">The host URL as written (<c>http://harbor.harbor.svc.cluster.local</c>); for the root entry, <c>server</c>.</param>
/// <param name="Capabilities">Sorted capability names; null when the key is absent (containerd then grants all).</param>
/// <param name="OverridePath">The <c>override_path</c> value, null when absent.</param>
/// <param name="SkipVerify">The <c>skip_verify</c> value, null when absent.</param>
public sealed record HostsEntry(string Url, IReadOnlyList<string>? Capabilities, bool? OverridePath, bool? SkipVerify)
{
    /// <summary>The scheme, <c>https</c> when the URL has none (containerd's default).</summary>
    public string Scheme => Url.Contains("://", StringComparison.Ordinal) ? Url[..Url.IndexOf("://", StringComparison.Ordinal)] : "https";

    /// <summary>host[:port] without scheme or path: the key containerd looks auth up by.</summary>
    public string Host
    {
        get
        {
            var rest = Url.Contains("://", StringComparison.Ordinal) ? Url[(Url.IndexOf("://", StringComparison.Ordinal) + 3)..] : Url;
            var slash = rest.IndexOf('/');
            return slash >= 0 ? rest[..slash] : rest;
        }
    }

    /// <summary>Scheme and host lower-cased, no trailing slash, https when no scheme is written.</summary>
    public string NormalizedUrl
    {
        get
        {
            var u = Url.Trim().TrimEnd('/');
            var i = u.IndexOf("://", StringComparison.Ordinal);
            return i < 0 ? "https://" + LowerHost(u) : u[..i].ToLowerInvariant() + "://" + LowerHost(u[(i + 3)..]);
        }
    }

    /// <summary>Host and path without the scheme: endpoints are matched on it, so a changed scheme is a scheme difference, not a missing endpoint.</summary>
    public string MatchKey => NormalizedUrl[(NormalizedUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];

    public string CapabilitiesText => Capabilities is null ? "(all)" : "[" + string.Join(", ", Capabilities) + "]";

    private static string LowerHost(string rest)
    {
        var slash = rest.IndexOf('/');
        return slash < 0 ? rest.ToLowerInvariant() : rest[..slash].ToLowerInvariant() + rest[slash..];
    }
}

/// <summary>
/// A parsed <c>hosts.toml</c>: the <c>[host."…"]</c> entries in file order, then the root <c>server</c> (containerd's
/// fallback), as containerd resolves them. Equality is semantic: quoting, spacing and key order do not matter.
/// </summary>
public sealed class HostsFile
{
    private HostsFile(IReadOnlyList<HostsEntry> hosts, HostsEntry? server)
    {
        Hosts = hosts;
        Server = server;
    }

    /// <summary>The <c>[host."…"]</c> entries in file order.</summary>
    public IReadOnlyList<HostsEntry> Hosts { get; }

    /// <summary>The root entry (<c>server = …</c> with root-level keys), null when there is no <c>server</c> line.</summary>
    public HostsEntry? Server { get; }

    /// <summary>Parses the file; a <see cref="FormatException"/> says why containerd would refuse it.</summary>
    public static HostsFile Parse(string text)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw new FormatException("not valid TOML: " + e.Message, e);
        }

        var hosts = new List<HostsEntry>();
        if (table.TryGetValue("host", out var h))
        {
            if (h is not TomlTable hostTable)
            {
                throw new FormatException("'host' is not a table");
            }

            foreach (var (url, value) in hostTable)
            {
                if (value is not TomlTable entry)
                {
                    throw new FormatException($"host '{url}' is not a table");
                }

                hosts.Add(Entry(url, entry));
            }
        }

        HostsEntry? server = null;
        if (table.TryGetValue("server", out var s))
        {
            server = Entry(s as string ?? throw new FormatException("'server' is not a string"), table);
        }

        return new HostsFile(hosts, server);
    }

    private static HostsEntry Entry(string url, TomlTable t)
    {
        IReadOnlyList<string>? caps = null;
        if (t.TryGetValue("capabilities", out var c))
        {
            caps = c is TomlArray arr
                ? arr.Select(x => x?.ToString() ?? "").OrderBy(x => x, StringComparer.Ordinal).ToArray()
                : throw new FormatException($"capabilities of '{url}' is not an array");
        }

        return new HostsEntry(url, caps, Bool(t, "override_path", url), Bool(t, "skip_verify", url));
    }

    private static bool? Bool(TomlTable t, string key, string url) =>
        !t.TryGetValue(key, out var v) ? null : v as bool? ?? throw new FormatException($"{key} of '{url}' is not a boolean");
}
