using System.Text;

namespace ClusterRegistry.Doctor.Nodes;

/// <summary>
/// Reads a node from a directory laid out like the node's root: a copy (<c>talosctl cp</c>), a synthesized node view, or
/// a real containerd root such as the sandbox's (<c>&lt;root&gt;/etc/cri/conf.d/...</c>, <c>&lt;root&gt;/var/lib/containerd/...</c>).
/// The root may come from someone else: every path is resolved inside it (<see cref="RootPathResolver"/>, links out of it
/// are refused), only regular files are read (a FIFO would block, a device never ends) and at most
/// <see cref="MaxFileBytes"/> of each, counted as read rather than trusted from the size.
/// </summary>
public sealed class RootDirectoryReader : INodeReader
{
    /// <summary>The largest node file doctor reads: a real hosts.toml, cri.toml or /etc/hosts is a few KiB.</summary>
    public const int MaxFileBytes = 1 << 20;

    private readonly RootPathResolver resolver;

    public RootDirectoryReader(string root)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new NodeInspectionException($"--root '{root}' is empty; pass the directory that holds the node's etc/cri/conf.d, etc/hosts and var/lib/containerd");
        }

        Root = Path.GetFullPath(root);
        if (!Directory.Exists(Root))
        {
            throw new NodeInspectionException($"node root '{Root}' does not exist; pass --root a directory that holds the node's etc/cri/conf.d, etc/hosts and var/lib/containerd");
        }

        resolver = new RootPathResolver(Root);
    }

    public string Root { get; }

    public string Description => "root " + Root;

    public Task<string?> ReadFileAsync(string nodePath, CancellationToken cancellation)
    {
        var (path, status) = resolver.Resolve(nodePath);
        var shown = resolver.Shown(nodePath);
        switch (status.Kind)
        {
            case FileKind.Missing:
                return Task.FromResult<string?>(null);
            case FileKind.Regular:
                break;
            default:
                throw new NodeInspectionException($"{shown} is {Describe(status.Kind)}, not a regular file; doctor reads only regular files");
        }

        if (status.Size > MaxFileBytes)
        {
            throw new NodeInspectionException(TooLarge(shown, status.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes"));
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.None);
            var buffer = new byte[Math.Min(MaxFileBytes + 1, Math.Max(status.Size + 1, 4096))];
            var filled = 0;
            while (filled < buffer.Length)
            {
                var n = stream.Read(buffer, filled, buffer.Length - filled);
                if (n == 0)
                {
                    break;
                }

                filled += n;
                if (filled == buffer.Length && buffer.Length <= MaxFileBytes)
                {
                    Array.Resize(ref buffer, Math.Min(MaxFileBytes + 1, buffer.Length * 2)); // it grew since it was looked at
                }
            }

            if (filled > MaxFileBytes)
            {
                throw new NodeInspectionException(TooLarge(shown, "more than 1 MiB"));
            }

            return Task.FromResult<string?>(new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer, 0, filled));
        }
        catch (UnauthorizedAccessException)
        {
            throw new NodeInspectionException($"cannot read {shown}: permission denied (run doctor as a user that can read the whole node root)");
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<string?>(null);
        }
        catch (IOException e)
        {
            throw new NodeInspectionException($"cannot read {shown}: {e.Message}");
        }
    }

    public Task<IReadOnlyList<NodeEntry>?> ListAsync(string nodePath, bool withTimes, CancellationToken cancellation)
    {
        var (path, status) = resolver.Resolve(nodePath);
        if (status.Kind != FileKind.Directory)
        {
            return Task.FromResult<IReadOnlyList<NodeEntry>?>(null);
        }

        string[] names;
        try
        {
            names = new DirectoryInfo(path).EnumerateFileSystemInfos().Select(i => i.Name).ToArray();
        }
        catch (UnauthorizedAccessException)
        {
            throw new NodeInspectionException($"cannot list {resolver.Shown(nodePath)}: permission denied (run doctor as a user that can read the whole node root)");
        }
        catch (IOException e)
        {
            throw new NodeInspectionException($"cannot list {resolver.Shown(nodePath)}: {e.Message}");
        }

        // Each entry resolved like any other path: a link in the listing is followed only inside the root.
        var entries = names
            .Select(name =>
            {
                var (entryPath, entry) = resolver.Resolve(nodePath.TrimEnd('/') + "/" + name);
                var isDirectory = entry.Kind == FileKind.Directory;
                return new NodeEntry(name, isDirectory, withTimes && entry.Kind != FileKind.Missing ? Newest(entryPath, isDirectory) : null);
            })
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult<IReadOnlyList<NodeEntry>?>(entries);
    }

    private static string TooLarge(string shown, string size) =>
        $"{shown} is {size}, over doctor's limit of 1 MiB for a node file (a real one is a few KiB); not read";

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => kind.ToString(),
    };

    // A containerd ingest is a directory whose files (data, ref, startedat, updatedat) change while the download runs;
    // the directory's own mtime only changes when files are added. Times are metadata: nothing is opened.
    private static DateTimeOffset Newest(string path, bool isDirectory)
    {
        FileSystemInfo info = isDirectory ? new DirectoryInfo(path) : new FileInfo(path);
        var newest = info.LastWriteTimeUtc;
        if (info is DirectoryInfo d)
        {
            try
            {
                foreach (var child in d.EnumerateFileSystemInfos())
                {
                    if (child.LastWriteTimeUtc > newest)
                    {
                        newest = child.LastWriteTimeUtc;
                    }
                }
            }
            catch (UnauthorizedAccessException)
            {
                throw new NodeInspectionException($"cannot list {path}: permission denied (run doctor as a user that can read the whole node root)");
            }
        }

        return new DateTimeOffset(newest, TimeSpan.Zero);
    }
}
