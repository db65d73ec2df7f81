namespace ClusterRegistry.Rules.Topology;

/// <summary>
/// The location <c>check</c> puts in a snapshot: a repository-relative file and line (from <c>Resource.Source</c>, or the
/// YAML node a repository reader took the value from, then with its column). The analyzer uses Roslyn locations
/// instead; rules never look inside either.
/// </summary>
public sealed class SourceFileLocation
{
    public SourceFileLocation(string path, int line)
        : this(path, line, 0)
    {
    }

    public SourceFileLocation(string path, int line, int column)
    {
        Path = path ?? "";
        Line = line;
        Column = column;
    }

    /// <summary>Repository-relative path with forward slashes, e.g. <c>stacks/HomelabStack.cs</c>; "" when unknown.</summary>
    public string Path { get; }

    /// <summary>1-based line; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column; 0 when unknown (stack sources report lines only).</summary>
    public int Column { get; }

    public bool IsKnown => Path.Length > 0 && Line > 0;

    public override string ToString() => IsKnown ? Path + ":" + Line + (Column > 0 ? ":" + Column : "") : Path;
}
