namespace ClusterRegistry.Rendering.Containerd;

/// <summary>
/// One host containerd resolves from a hosts.toml, as <c>parseHostConfig</c> leaves it: the URL split into scheme, host
/// and API path (<c>override_path</c> shows only in <see cref="Path"/>), capabilities, TLS material, headers.
/// <see cref="Host"/> is null for the root entry of a file without <c>server</c> (containerd fills in the upstream).
/// </summary>
public sealed record RegistryHostConfig
{
    public string? Scheme { get; init; }
    public string? Host { get; init; }
    public string Path { get; init; } = "";
    public HostCapabilities Capabilities { get; init; }
    public IReadOnlyList<string>? Ca { get; init; }
    public IReadOnlyList<(string Cert, string Key)>? Client { get; init; }

    /// <summary>null when the file does not set <c>skip_verify</c>.</summary>
    public bool? SkipVerify { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Header { get; init; }

    /// <summary>Go duration text (<c>200ms</c>), only on containerd 2.x.</summary>
    public string? DialTimeout { get; init; }

    /// <summary>True when a TLS setting is present (ca, client or skip_verify).</summary>
    public bool HasTlsSettings => Ca is not null || Client is not null || SkipVerify is not null;

    /// <summary>The capability names in containerd's order (pull, resolve, push, referrers).</summary>
    public IReadOnlyList<string> CapabilityNames =>
        new[] { (HostCapabilities.Pull, "pull"), (HostCapabilities.Resolve, "resolve"), (HostCapabilities.Push, "push"), (HostCapabilities.Referrers, "referrers") }
            .Where(c => Capabilities.HasFlag(c.Item1)).Select(c => c.Item2).ToList();

    /// <summary><c>scheme://host/path</c>, or null for a root entry without server.</summary>
    public string? Url => Host is null ? null : $"{Scheme}://{Host}{Path}";
}
