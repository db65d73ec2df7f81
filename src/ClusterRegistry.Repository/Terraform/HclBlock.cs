namespace ClusterRegistry.Repository.Terraform;

/// <summary>One HCL block: type, labels, literal attributes (null value: not a literal) and nested blocks, with lines.</summary>
public sealed class HclBlock
{
    public required string Type { get; init; }

    public List<string> Labels { get; } = new();

    public int Line { get; init; }

    /// <summary>Attribute → (literal text or null when an expression, line).</summary>
    public Dictionary<string, (string? Value, int Line)> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Attribute → the expression when it is one reference such as <c>harbor_registry.docker.registry_id</c>.</summary>
    public Dictionary<string, string> References { get; } = new(StringComparer.Ordinal);

    public List<HclBlock> Blocks { get; } = new();
}
