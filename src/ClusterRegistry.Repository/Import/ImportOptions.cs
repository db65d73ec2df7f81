namespace ClusterRegistry.Repository.Import;

/// <summary>What <c>import</c> names things.</summary>
public sealed class ImportOptions
{
    /// <summary>The Stack subclass name (default: PascalCase of the folder + <c>Stack</c>).</summary>
    public string? ClassName { get; init; }

    /// <summary>The stack name passed to <c>base(...)</c> (default: the folder name).</summary>
    public string? StackName { get; init; }

    public string Namespace { get; init; } = "Stacks";
}
