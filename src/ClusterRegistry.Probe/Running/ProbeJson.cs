using System.Text;
using System.Text.Json;
using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe.Running;

/// <summary>
/// The <c>--json</c> form of a result: one object with <c>image</c>, <c>via</c>, <c>bytes</c>, <c>durationMs</c>, <c>budgetMs</c>,
/// <c>withinBudget</c>, the per-layer figures and, on failure, <c>failure: {class, message}</c>. Field order is fixed.
/// </summary>
public static class ProbeJson
{
    public static string Serialize(ProbeResult r, bool indented = true)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = indented }))
        {
            Write(w, r);
        }

        return Encoding.UTF8.GetString(ms.ToArray()).ReplaceLineEndings("\n");
    }

    public static string Serialize(IReadOnlyList<ProbeResult> results, bool indented = true)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartArray();
            foreach (var r in results)
            {
                Write(w, r);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(ms.ToArray()).ReplaceLineEndings("\n");
    }

    public static void Write(Utf8JsonWriter w, ProbeResult r)
    {
        w.WriteStartObject();
        w.WriteString("image", r.Image);
        w.WriteString("via", r.Via.ToText());
        w.WriteString("node", r.Node);
        if (r.ProbeName is not null)
        {
            w.WriteString("probe", r.ProbeName);
        }

        w.WriteString("startedAt", r.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteBoolean("ok", r.Failure is null);
        if (r.Digest is not null)
        {
            w.WriteString("digest", r.Digest);
        }

        w.WriteNumber("bytes", r.Bytes);
        w.WriteNumber("durationMs", Math.Round(r.DurationMs, 3));
        w.WriteNumber("budgetMs", Math.Round(r.BudgetMs, 3));
        w.WriteBoolean("withinBudget", r.WithinBudget);
        w.WriteNumber("throughputMBps", Math.Round(r.ThroughputMBps, 3));
        WriteOptional(w, "ttfbMs", r.TtfbMs);
        WriteOptional(w, "authMs", r.AuthMs);
        WriteOptional(w, "manifestMs", r.ManifestMs);
        if (r.Via == ProbeVia.Registry)
        {
            w.WriteNumber("tokenRequests", r.TokenRequests);
        }

        w.WriteStartArray("layers");
        foreach (var l in r.Layers)
        {
            w.WriteStartObject();
            w.WriteString("digest", l.Digest);
            w.WriteString("kind", l.Kind);
            w.WriteString("mediaType", l.MediaType);
            w.WriteNumber("bytes", l.Bytes);
            w.WriteNumber("startMs", Math.Round(l.StartMs, 3));
            w.WriteNumber("ttfbMs", Math.Round(l.TtfbMs, 3));
            w.WriteNumber("durationMs", Math.Round(l.DurationMs, 3));
            w.WriteNumber("throughputMBps", Math.Round(l.ThroughputMBps, 3));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (r.Notes.Count > 0)
        {
            w.WriteStartObject("notes");
            foreach (var (k, v) in r.Notes)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
        }

        if (r.Failure is { } f)
        {
            w.WriteStartObject("failure");
            w.WriteString("class", FailureClassifier.Kebab(f.Class));
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 3));
        }
    }
}
