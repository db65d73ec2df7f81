namespace ClusterRegistry.Doctor.Nodes;

/// <summary>
/// Reads a node from a directory laid out like the node's root: a copy (<c>talosctl cp</c>), a synthesized node view, or
/// a real containerd root such as the sandbox's (<c>&lt;root&gt;/etc/cri/conf.d/...</c>, <c>&lt;root&gt;/var/lib/containerd/...</c>).
/// </summary>
public sealed class RootDirectoryReader : INodeReader
{
    public RootDirectoryReader(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        if (!Directory.Exists(Root))
        {
            throw new NodeInspectionException($"node root '{Root}' does not exist; pass --root a directory that holds the node's etc/cri/conf.d, etc/hosts and var/lib/containerd");
        }
    }

    public string Root { get; }

    public string Description => "root " + Root;

    public Task<string?> ReadFileAsync(string nodePath, CancellationToken cancellation)
    {
        var path = Map(nodePath);
        try
        {
            return Task.FromResult<string?>(File.Exists(path) ? File.ReadAllText(path) : null);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new NodeInspectionException($"cannot read {path}: {e.Message} (run doctor as a user that can read the node root)", e);
        }
    }

    public Task<IReadOnlyList<NodeEntry>?> ListAsync(string nodePath, bool withTimes, CancellationToken cancellation)
    {
        var dir = new DirectoryInfo(Map(nodePath));
        if (!dir.Exists)
        {
            return Task.FromResult<IReadOnlyList<NodeEntry>?>(null);
        }

        try
        {
            var entries = dir.EnumerateFileSystemInfos()
                .Select(i => new NodeEntry(i.Name, i is DirectoryInfo, withTimes ? Newest(i) : null))
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult<IReadOnlyList<NodeEntry>?>(entries);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new NodeInspectionException($"cannot list {dir.FullName}: {e.Message} (run doctor as a user that can read the node root)", e);
        }
    }

    private string Map(string nodePath) => Path.Combine(Root, nodePath.TrimStart('/'));

    // A containerd ingest is a directory whose files (data, ref, startedat, updatedat) change while the download runs;
    // the directory's own mtime only changes when files are added.
    private static DateTimeOffset Newest(FileSystemInfo info)
    {
        var newest = info.LastWriteTimeUtc;
        if (info is DirectoryInfo d)
        {
            foreach (var child in d.EnumerateFileSystemInfos())
            {
                if (child.LastWriteTimeUtc > newest)
                {
                    newest = child.LastWriteTimeUtc;
                }
            }
        }

        return new DateTimeOffset(newest, TimeSpan.Zero);
    }
}
