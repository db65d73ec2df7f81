namespace ClusterRegistry.Repository.Import;

/// <summary>The generated C# and one line per thing that could not be imported, with why.</summary>
public sealed class ImportResult
{
    public required string Code { get; init; }

    public required string ClassName { get; init; }

    public required IReadOnlyList<string> NotImported { get; init; }
}
