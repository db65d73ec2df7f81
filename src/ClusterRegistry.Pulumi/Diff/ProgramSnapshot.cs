using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Diff;

/// <summary>What the diff compares for one stack: the emitted program's resources and the rule findings.</summary>
public sealed class ProgramSnapshot
{
    public ProgramSnapshot(string stack, JsonObject program, IReadOnlyList<DiffFinding>? findings, string origin)
    {
        Stack = stack;
        Resources = program["resources"] as JsonObject ?? new JsonObject();
        Findings = findings;
        Origin = origin;
    }

    public string Stack { get; }

    /// <summary>Logical name → <c>{type, properties, options}</c>.</summary>
    public JsonObject Resources { get; }

    /// <summary>Rule findings; null when the snapshot carries none (e.g. a directory without a findings file).</summary>
    public IReadOnlyList<DiffFinding>? Findings { get; }

    /// <summary>Where it came from, for the report header (a ref, a folder, "working tree").</summary>
    public string Origin { get; }
}
