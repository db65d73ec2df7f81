namespace ClusterRegistry.Repository.Discovery;

/// <summary>A regular file inside the repository: its repository-relative path and the real path it is read from.</summary>
public sealed class RepositoryFile
{
    public RepositoryFile(string relativePath, string fullPath, long length)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        Length = length;
    }

    /// <summary>Forward slashes, relative to the repository root, e.g. <c>talos/talconfig.yaml</c>.</summary>
    public string RelativePath { get; }

    /// <summary>The resolved path on disk (inside the root: a symlink's target when it stays inside).</summary>
    public string FullPath { get; }

    public long Length { get; }

    /// <summary>The file name, e.g. <c>talconfig.yaml</c>.</summary>
    public string Name => Path.GetFileName(RelativePath);

    /// <summary>The folder part of <see cref="RelativePath"/> ("" at the root).</summary>
    public string Folder => RelativePath.Contains('/', StringComparison.Ordinal) ? RelativePath[..RelativePath.LastIndexOf('/')] : "";

    public override string ToString() => RelativePath;
}
