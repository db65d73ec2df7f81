using System.Text;
using System.Text.Json;

namespace ClusterRegistry.Doctor.Reporting;

/// <summary>The machine report: <c>{stack, node, source, healthy, findings: [{id, subject, seen, why, fix}]}</c>, stable key order.</summary>
public static class DoctorJsonWriter
{
    public static string ToJson(DoctorReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("stack", report.Stack);
            json.WriteString("node", report.Node);
            json.WriteString("source", report.Source);
            json.WriteBoolean("healthy", report.Healthy);
            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", f.Id);
                json.WriteString("subject", f.Subject);
                json.WriteString("seen", f.Seen);
                json.WriteString("why", f.Why);
                json.WriteString("fix", f.Fix);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
