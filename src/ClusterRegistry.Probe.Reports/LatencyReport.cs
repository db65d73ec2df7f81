using System.Globalization;
using System.Net;
using System.Text;
using ClusterRegistry.Probe.History;
using ScottPlot;

namespace ClusterRegistry.Probe.Reports;

/// <summary>
/// Draws pull latency over time, one series per (image, node, via), with each image's budget as a dashed line and failed
/// runs as red crosses, to PNG or SVG (ScottPlot), or HTML (the SVG inline plus a table of the runs).
/// </summary>
public static class LatencyReport
{
    public const int Width = 1100;
    public const int Height = 550;

    /// <summary>
    /// Renders the report in the format its file name asks for (<c>.png</c>, <c>.svg</c>, <c>.html</c>); the caller writes
    /// the bytes (the CLI through its one atomic file writer).
    /// </summary>
    /// <exception cref="ArgumentException">The extension is none of those.</exception>
    public static byte[] Render(IReadOnlyList<HistoryEntry> entries, string outPath)
    {
        var ext = Path.GetExtension(outPath).ToLowerInvariant();
        if (ext is not (".png" or ".svg" or ".html" or ".htm"))
        {
            throw new ArgumentException($"--out must end in .png, .svg or .html (got '{outPath}')", nameof(outPath));
        }

        var plot = Build(entries);
        return ext switch
        {
            ".png" => plot.GetImageBytes(Width, Height, ImageFormat.Png),
            ".svg" => new UTF8Encoding(false).GetBytes(plot.GetSvgXml(Width, Height)),
            _ => new UTF8Encoding(false).GetBytes(Html(entries, plot.GetSvgXml(Width, Height))),
        };
    }

    /// <summary>The plot (exposed for tests): one scatter per series, budget lines, failure markers.</summary>
    public static Plot Build(IReadOnlyList<HistoryEntry> entries)
    {
        var plot = new Plot();
        plot.Title("Image pull latency");
        plot.YLabel("pull time (ms)");
        plot.XLabel("time (UTC)");
        var palette = new ScottPlot.Palettes.Category10();
        var series = entries.Where(e => !e.Failed)
            .GroupBy(e => (e.Image, e.Node, e.Via))
            .OrderBy(g => g.Key.Image, StringComparer.Ordinal).ThenBy(g => g.Key.Node, StringComparer.Ordinal).ThenBy(g => g.Key.Via, StringComparer.Ordinal)
            .ToArray();
        for (var i = 0; i < series.Length; i++)
        {
            var g = series[i].OrderBy(e => e.StartedAt).ToArray();
            var xs = g.Select(e => e.StartedAt.UtcDateTime.ToOADate()).ToArray();
            var ys = g.Select(e => e.DurationMs).ToArray();
            var sc = plot.Add.Scatter(xs, ys, palette.GetColor(i));
            sc.LegendText = $"{series[i].Key.Image} @ {series[i].Key.Node} ({series[i].Key.Via})";
            sc.MarkerSize = 6;
        }

        foreach (var (budget, index) in entries.GroupBy(e => e.BudgetMs).Select(g => g.Key).Order().Select((b, i) => (b, i)))
        {
            var line = plot.Add.HorizontalLine(budget);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Red.WithAlpha(0.7 - 0.15 * Math.Min(index, 3));
            line.LegendText = $"budget {budget.ToString("0.#", CultureInfo.InvariantCulture)} ms";
        }

        var failed = entries.Where(e => e.Failed).ToArray();
        if (failed.Length > 0)
        {
            var fx = plot.Add.ScatterPoints(failed.Select(e => e.StartedAt.UtcDateTime.ToOADate()).ToArray(), failed.Select(e => e.DurationMs).ToArray(), Colors.Red);
            fx.MarkerShape = MarkerShape.Eks;
            fx.MarkerSize = 10;
            fx.LegendText = "failed pulls";
        }

        if (entries.Count > 0)
        {
            plot.Axes.DateTimeTicksBottom();
            plot.Axes.SetLimitsY(0, Math.Max(entries.Max(e => Math.Max(e.DurationMs, e.BudgetMs)) * 1.15, 1));
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static string Html(IReadOnlyList<HistoryEntry> entries, string svg)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Image pull latency</title>\n");
        sb.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}td.n{text-align:right}tr.over{background:#fff3cd}tr.fail{background:#f8d7da}</style>\n");
        sb.Append("</head>\n<body>\n<h1>Image pull latency</h1>\n");
        sb.Append(svg).Append('\n');
        sb.Append("<table>\n<tr><th>time (UTC)</th><th>image</th><th>node</th><th>via</th><th>bytes</th><th>ms</th><th>budget ms</th><th>result</th></tr>\n");
        foreach (var e in entries.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id))
        {
            var cls = e.Failed ? "fail" : e.WithinBudget ? "ok" : "over";
            var verdict = e.Failed ? $"{e.FailureClass}: {e.FailureMessage}" : e.WithinBudget ? "within budget" : "over budget";
            sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"{cls}\"><td>{e.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{H(e.Image)}</td><td>{H(e.Node)}</td><td>{H(e.Via)}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{e.Bytes}</td><td class=\"n\">{e.DurationMs:0.0}</td><td class=\"n\">{e.BudgetMs:0}</td><td>{H(verdict)}</td></tr>\n");
        }

        sb.Append("</table>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
