namespace ClusterRegistry.Pulumi.Diff;

/// <summary>A rule finding as the diff compares it (stable identity: rule, resource, property path).</summary>
public sealed record DiffFinding(string Id, string Severity, string Resource, string PropertyPath, string Message)
{
    /// <summary>Identity across versions: the message may name values that changed, the location does not.</summary>
    public string Identity => Id + "\u0001" + Resource + "\u0001" + PropertyPath;
}
