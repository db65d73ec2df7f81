using ClusterRegistry.Probe.History;

namespace ClusterRegistry.Probe.Optional;

/// <summary>
/// <c>probe report --out FILE.png|svg|html</c>: plots the history. Implemented in the optional package
/// <c>ClusterRegistry.Probe.Reports</c> (it brings ScottPlot and SkiaSharp's native library).
/// </summary>
public interface ILatencyReportWriter
{
    /// <summary>Writes the report; throws <see cref="ArgumentException"/> for an extension it cannot write.</summary>
    void Write(IReadOnlyList<HistoryEntry> entries, string outPath);
}
