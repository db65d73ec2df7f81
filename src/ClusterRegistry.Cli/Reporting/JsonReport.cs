using System.Text;
using System.Text.Json;

namespace ClusterRegistry.Cli.Reporting;

/// <summary>Machine-readable findings: <c>{ stack, summary, findings[] }</c>, stable key order.</summary>
public static class JsonReport
{
    public static string Render(CheckResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString(result.Subject == "stack" ? "stack" : "repository", result.StackName);
            w.WriteStartObject("summary");
            w.WriteNumber("errors", result.Errors);
            w.WriteNumber("warnings", result.Warnings);
            w.WriteNumber("infos", result.Infos);
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var r in result.Findings)
            {
                var f = r.Finding;
                w.WriteStartObject();
                w.WriteString("id", f.Id);
                w.WriteString("severity", TextReport.Level(r.Severity));
                w.WriteString("title", f.Rule.Title);
                w.WriteString("resource", f.Resource);
                w.WriteString("property", f.PropertyPath);
                w.WriteString("message", f.Message);
                if (r.File is not null)
                {
                    w.WriteString("file", r.File);
                }

                if (r.Line is not null)
                {
                    w.WriteNumber("line", r.Line.Value);
                }

                if (r.Column is not null)
                {
                    w.WriteNumber("column", r.Column.Value);
                }

                w.WriteString("helpUri", f.Rule.HelpLink);
                w.WriteStartObject("fix");
                foreach (var kv in f.Fix.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    w.WriteString(kv.Key, kv.Value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (result.Subject != "stack")
            {
                w.WriteStartArray("notices");
                foreach (var n in result.Notices)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", n.Kind);
                    w.WriteString("file", n.File);
                    if (n.Line > 0)
                    {
                        w.WriteNumber("line", n.Line);
                    }

                    w.WriteString("message", n.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
