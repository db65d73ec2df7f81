namespace ClusterRegistry.Doctor.Nodes;

/// <summary>
/// The files doctor reads from one node, as text, exactly as found: every <c>hosts/&lt;dir&gt;/hosts.toml</c> and
/// <c>hosts/_backup/&lt;dir&gt;/hosts.toml</c>, <c>cri.toml</c>, <c>/etc/hosts</c> and the containerd ingest listing.
/// The same type holds the expected node view, read from a synthesized node view directory or rendered in memory.
/// </summary>
public sealed class NodeSnapshot
{
    /// <summary>Where the files came from (<see cref="INodeReader.Description"/>).</summary>
    public required string Source { get; init; }

    /// <summary>Directories under <c>hosts/</c> except <c>_backup</c>: name → hosts.toml text, null when the directory has none. Null when <c>hosts/</c> itself is missing.</summary>
    public required IReadOnlyDictionary<string, string?>? HostsDirs { get; init; }

    /// <summary>Directories under <c>hosts/_backup/</c>: name → hosts.toml text (null when none). Empty when there is no <c>_backup</c>.</summary>
    public required IReadOnlyDictionary<string, string?> BackupDirs { get; init; }

    /// <summary>The text of <c>cri.toml</c>, null when missing. Holds plaintext credentials on a real node: never print it.</summary>
    public required string? CriToml { get; init; }

    /// <summary>The text of <c>/etc/hosts</c>, null when missing.</summary>
    public required string? EtcHosts { get; init; }

    /// <summary>Entries of containerd's <c>ingest/</c> with their last modification; null when the folder was not read or is missing.</summary>
    public required IReadOnlyList<NodeEntry>? Ingests { get; init; }

    /// <summary>Reads a node through <paramref name="reader"/>.</summary>
    /// <param name="reader">The node's files.</param>
    /// <param name="includeIngest">Whether to list containerd's ingest folder (a node view has none).</param>
    /// <param name="cancellation">Stops the reads.</param>
    public static async Task<NodeSnapshot> ReadAsync(INodeReader reader, bool includeIngest, CancellationToken cancellation)
    {
        var hostsTask = ReadHostsDirsAsync(reader, NodePaths.HostsDir, cancellation);
        var backupTask = ReadHostsDirsAsync(reader, NodePaths.BackupDir, cancellation);
        var criTask = reader.ReadFileAsync(NodePaths.CriToml, cancellation);
        var etcHostsTask = reader.ReadFileAsync(NodePaths.EtcHosts, cancellation);
        var ingestTask = includeIngest ? reader.ListAsync(NodePaths.Ingest, withTimes: true, cancellation) : Task.FromResult<IReadOnlyList<NodeEntry>?>(null);
        return new NodeSnapshot
        {
            Source = reader.Description,
            HostsDirs = await hostsTask,
            BackupDirs = await backupTask ?? new SortedDictionary<string, string?>(StringComparer.Ordinal),
            CriToml = await criTask,
            EtcHosts = await etcHostsTask,
            Ingests = await ingestTask,
        };
    }

    private static async Task<IReadOnlyDictionary<string, string?>?> ReadHostsDirsAsync(INodeReader reader, string dir, CancellationToken cancellation)
    {
        var entries = await reader.ListAsync(dir, withTimes: false, cancellation);
        if (entries is null)
        {
            return null;
        }

        var names = entries.Where(e => e.Name != "_backup").Select(e => e.Name).ToArray();
        // talosctl costs one process per file: read a few at a time, keep the listing's order.
        using var gate = new SemaphoreSlim(8);
        var reads = names.Select(async name =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                return await reader.ReadFileAsync(dir + "/" + name + "/" + NodePaths.HostsToml, cancellation);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        var texts = await Task.WhenAll(reads);
        var result = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            result[names[i]] = texts[i];
        }

        return result;
    }
}
