using ClusterRegistry.Probe.History;
using ClusterRegistry.Probe.Optional;

namespace ClusterRegistry.Probe.Reports;

/// <summary><c>probe report</c> through <see cref="LatencyReport"/>; found by <see cref="OptionalPackages"/> when this package is referenced.</summary>
public sealed class LatencyReportWriter : ILatencyReportWriter
{
    public byte[] Render(IReadOnlyList<HistoryEntry> entries, string outPath) => LatencyReport.Render(entries, outPath);
}
