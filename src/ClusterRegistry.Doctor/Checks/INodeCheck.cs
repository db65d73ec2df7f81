namespace ClusterRegistry.Doctor.Checks;

/// <summary>One CRG5xx node check (docs/rules/CRG501.md–CRG508.md). Pure: reads the context, returns
/// findings.</summary>
public interface INodeCheck
{
    /// <summary>The rule ID, e.g. <c>CRG501</c>.</summary>
    string Id { get; }

    /// <summary>The rule in a few words, for listings.</summary>
    string Title { get; }

    IEnumerable<NodeFinding> Run(DoctorContext context);
}
