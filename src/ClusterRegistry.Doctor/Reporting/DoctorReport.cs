using ClusterRegistry.Doctor.Checks;

namespace ClusterRegistry.Doctor.Reporting;

/// <summary>The result of one doctor run: healthy when there are no findings.</summary>
public sealed record DoctorReport(string Stack, string Node, string Source, IReadOnlyList<NodeFinding> Findings)
{
    public bool Healthy => Findings.Count == 0;
}
