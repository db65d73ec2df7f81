namespace ClusterRegistry.Doctor.Nodes;

/// <summary>
/// A node read from files held in memory, keyed by path relative to the node root (<c>etc/cri/conf.d/cri.toml</c>):
/// how doctor reads the node view the renderer produces without writing it to disk.
/// </summary>
public sealed class InMemoryNodeReader : INodeReader
{
    private readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);

    /// <param name="files">Relative path → content; a leading <c>/</c> is ignored.</param>
    /// <param name="description">Where the files came from, for reports.</param>
    public InMemoryNodeReader(IEnumerable<KeyValuePair<string, string>> files, string description)
    {
        foreach (var (path, content) in files)
        {
            this.files[path.TrimStart('/')] = content;
        }

        Description = description;
    }

    public string Description { get; }

    public Task<string?> ReadFileAsync(string nodePath, CancellationToken cancellation) =>
        Task.FromResult(files.TryGetValue(nodePath.TrimStart('/'), out var c) ? c : null);

    public Task<IReadOnlyList<NodeEntry>?> ListAsync(string nodePath, bool withTimes, CancellationToken cancellation)
    {
        var prefix = nodePath.Trim('/') + "/";
        var entries = new SortedDictionary<string, NodeEntry>(StringComparer.Ordinal);
        foreach (var path in files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/');
            var name = slash < 0 ? rest : rest[..slash];
            entries.TryAdd(name, new NodeEntry(name, slash >= 0, null));
        }

        return Task.FromResult<IReadOnlyList<NodeEntry>?>(entries.Count == 0 ? null : entries.Values.ToArray());
    }
}
