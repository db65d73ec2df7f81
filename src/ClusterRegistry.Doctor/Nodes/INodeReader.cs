namespace ClusterRegistry.Doctor.Nodes;

/// <summary>
/// Reads files of one node by their absolute path on the node (<c>/etc/cri/conf.d/cri.toml</c>): from a directory that
/// mirrors the node's root (<see cref="RootDirectoryReader"/>) or through <c>talosctl</c> (<see cref="TalosctlReader"/>).
/// A missing file or directory is <c>null</c>; anything that stops the reader from inspecting the node at all
/// (no such root, talosctl not installed, node unreachable) is a <see cref="NodeInspectionException"/>.
/// </summary>
public interface INodeReader
{
    /// <summary>Where the files come from, for reports (<c>root /tmp/x</c>, <c>talosctl -n 192.168.1.98</c>).</summary>
    string Description { get; }

    /// <summary>The text of a file, or null when it does not exist.</summary>
    Task<string?> ReadFileAsync(string nodePath, CancellationToken cancellation);

    /// <summary>The entries of a directory (without <c>.</c>), sorted by name, or null when it does not exist.</summary>
    /// <param name="nodePath">The directory on the node.</param>
    /// <param name="withTimes">Whether <see cref="NodeEntry.LastModified"/> is needed (talosctl then lists with <c>-l</c>).</param>
    /// <param name="cancellation">Stops the read.</param>
    Task<IReadOnlyList<NodeEntry>?> ListAsync(string nodePath, bool withTimes, CancellationToken cancellation);
}
