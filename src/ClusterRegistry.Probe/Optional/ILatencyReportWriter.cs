using ClusterRegistry.Probe.History;

namespace ClusterRegistry.Probe.Optional;

/// <summary>
/// <c>probe report --out FILE.png|svg|html</c>: plots the history. Implemented in the optional package
/// <c>ClusterRegistry.Probe.Reports</c> (it brings ScottPlot and SkiaSharp's native library).
/// </summary>
public interface ILatencyReportWriter
{
    /// <summary>
    /// The report's bytes in the format <paramref name="outPath"/>'s extension asks for (the caller writes them, atomically);
    /// throws <see cref="ArgumentException"/> for an extension it cannot render.
    /// </summary>
    byte[] Render(IReadOnlyList<HistoryEntry> entries, string outPath);
}
