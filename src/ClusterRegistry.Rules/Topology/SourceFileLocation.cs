namespace ClusterRegistry.Rules.Topology;

/// <summary>
/// The location <c>check</c> puts in a snapshot: a repository-relative file and line (from <c>Resource.Source</c>). The
/// analyzer uses Roslyn locations instead; rules never look inside either.
/// </summary>
public sealed class SourceFileLocation
{
    public SourceFileLocation(string path, int line)
    {
        Path = path ?? "";
        Line = line;
    }

    /// <summary>Repository-relative path with forward slashes, e.g. <c>stacks/HomelabStack.cs</c>; "" when unknown.</summary>
    public string Path { get; }

    /// <summary>1-based line; 0 when unknown.</summary>
    public int Line { get; }

    public bool IsKnown => Path.Length > 0 && Line > 0;

    public override string ToString() => IsKnown ? Path + ":" + Line : Path;
}
