using ClusterRegistry.Probe.History;
using ClusterRegistry.Probe.Optional;

namespace ClusterRegistry.Probe.Reports;

/// <summary><c>probe report</c> through <see cref="LatencyReport"/>; found by <see cref="OptionalPackages"/> when this package is referenced.</summary>
public sealed class LatencyReportWriter : ILatencyReportWriter
{
    public void Write(IReadOnlyList<HistoryEntry> entries, string outPath) => LatencyReport.Write(entries, outPath);
}
