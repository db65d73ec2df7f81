namespace ClusterRegistry.Doctor.Nodes;

/// <summary>One entry of a directory listing on a node.</summary>
/// <param name="Name">The entry's name (no path).</param>
/// <param name="IsDirectory">Whether the entry is a directory.</param>
/// <param name="LastModified">The newest modification time of the entry (and, for a directory, the files directly in it), when the reader knows it.</param>
public sealed record NodeEntry(string Name, bool IsDirectory, DateTimeOffset? LastModified);
