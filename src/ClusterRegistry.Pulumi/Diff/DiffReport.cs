using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Diff;

public enum ChangeKind
{
    Add,
    Remove,
    Update,
}

/// <summary>One changed property: its path (<c>objs[HelmRelease/spegel].spec.values.spegel.prependExisting</c>) and values.</summary>
public sealed record PropertyChange(string Path, ChangeKind Kind, JsonNode? Old, JsonNode? New);

/// <summary>One resource added, removed or updated; <see cref="Replaces"/> when Pulumi will delete and re-create it.</summary>
public sealed record ResourceChange(string Key, string Type, ChangeKind Kind, bool Replaces, IReadOnlyList<PropertyChange> Properties)
{
    /// <summary>Identical change sets (e.g. the same patch on 500 nodes) share a signature, so reports can group them.</summary>
    public string Signature => Kind + "|" + Type + "|" + Replaces + "|" +
                               string.Join(";", Properties.Select(p => p.Path + "=" + p.Old?.ToJsonString() + ">" + p.New?.ToJsonString()));
}

/// <summary>The semantic diff of one stack between a base and the working tree.</summary>
public sealed class DiffReport
{
    public required string Stack { get; init; }

    public required string BaseOrigin { get; init; }

    public required string HeadOrigin { get; init; }

    public required IReadOnlyList<ResourceChange> Changes { get; init; }

    /// <summary>Findings present in the head and not in the base; null when either side has no findings to compare.</summary>
    public IReadOnlyList<DiffFinding>? FindingsIntroduced { get; init; }

    public IReadOnlyList<DiffFinding>? FindingsFixed { get; init; }

    /// <summary>Findings of the head (for the error count in the summary).</summary>
    public IReadOnlyList<DiffFinding>? HeadFindings { get; init; }

    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind && !c.Replaces);

    public int Replacements => Changes.Count(c => c.Replaces);

    public bool IsEmpty => Changes.Count == 0 && (FindingsIntroduced?.Count ?? 0) == 0 && (FindingsFixed?.Count ?? 0) == 0;
}
