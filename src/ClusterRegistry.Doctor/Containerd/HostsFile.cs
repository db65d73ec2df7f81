using ClusterRegistry.Rendering.Containerd;

namespace ClusterRegistry.Doctor.Containerd;

/// <summary>One host containerd tries for a registry, as containerd resolves it (containerd docs/hosts.md,
/// core/remotes/docker/config/hosts.go).</summary>
/// <param name="Url">The host as written, without containerd's implicit <c>/v2</c> (<c>http://harbor.harbor.svc.cluster.local</c>); for the root entry, <c>server</c>.</param>
/// <param name="Scheme">The scheme containerd dials (<c>https</c> when the file writes none).</param>
/// <param name="MatchKey">Host (lower-case) and API path: endpoints are matched on it, so a changed scheme is a scheme difference, not a missing endpoint; <c>override_path</c> shows in the path.</param>
/// <param name="Capabilities">Capability names, sorted (containerd grants all when the key is absent).</param>
/// <param name="SkipVerify">The <c>skip_verify</c> value, null when absent.</param>
public sealed record HostsEntry(string Url, string Scheme, string MatchKey, IReadOnlyList<string> Capabilities, bool? SkipVerify)
{
    public string CapabilitiesText => "[" + string.Join(", ", Capabilities) + "]";

    /// <summary>host[:port], lower-case: what containerd dials, resolves through /etc/hosts and looks auth up by.</summary>
    public string Host => MatchKey.Split('/')[0];

    /// <summary>From the render branch's containerd-exact reader.</summary>
    public static HostsEntry From(RegistryHostConfig c)
    {
        var host = c.Host ?? "";
        var shown = c.Path == "/v2" ? "" : c.Path;
        return new HostsEntry(
            $"{c.Scheme}://{host}{shown}",
            c.Scheme ?? "https",
            host.ToLowerInvariant() + c.Path,
            c.CapabilityNames.Order(StringComparer.Ordinal).ToArray(),
            c.SkipVerify);
    }
}

/// <summary>
/// A parsed <c>hosts.toml</c>: the <c>[host."…"]</c> entries in file order, then the root <c>server</c> (containerd's
/// fallback). Parsing is <see cref="HostsTomlReader"/>'s (containerd's own rules, checked against the golden vectors), so
/// two files compare by what containerd does with them: quoting, spacing and key order do not matter.
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
        IReadOnlyList<RegistryHostConfig> parsed;
        try
        {
            parsed = HostsTomlReader.Parse(text);
        }
        catch (HostsTomlException e)
        {
            throw new FormatException(TomlSyntaxError.Describe(e) ?? e.Message, e);
        }

        var root = parsed[^1];
        return new HostsFile(parsed.Take(parsed.Count - 1).Select(HostsEntry.From).ToArray(), root.Host is null ? null : HostsEntry.From(root));
    }
}
