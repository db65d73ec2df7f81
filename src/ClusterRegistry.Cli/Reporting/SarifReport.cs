using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClusterRegistry.Rules;

namespace ClusterRegistry.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: <c>tool.driver.rules</c> (every rule, with <c>helpUri</c>), results with
/// <c>ruleId</c>/<c>ruleIndex</c>/<c>level</c>/<c>message</c>, a physical location (repository-relative URI under
/// <c>%SRCROOT%</c> and <c>region.startLine</c>) where known, a logical location naming the resource and property, and a
/// stable partial fingerprint.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SrcRoot = "%SRCROOT%";

    public static string Render(CheckResult result)
    {
        var rules = RuleCatalog.Descriptors;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "ClusterRegistry");
            w.WriteString("informationUri", "https://github.com/clusterregistry/clusterregistry");
            w.WriteString("semanticVersion", "1.0.0");
            w.WriteStartArray("rules");
            foreach (var d in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("name", Pascal(d.Title));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", d.Title);
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", d.Description);
                w.WriteEndObject();
                w.WriteString("helpUri", d.HelpLink);
                w.WriteStartObject("help");
                w.WriteString("text", d.Description + " See " + d.HelpLink);
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(d.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("category", d.Category);
                w.WriteStartArray("tags");
                w.WriteStringValue(d.Category.ToLowerInvariant());
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("automationDetails");
            w.WriteString("id", "clusterregistry/check/" + result.StackName + "/");
            w.WriteEndObject();

            if (result.Subject != "stack")
            {
                // Files the reader refused, skipped or could not parse: tool execution notifications, one per file.
                w.WriteStartArray("invocations");
                w.WriteStartObject();
                w.WriteBoolean("executionSuccessful", !result.HasInputErrors);
                w.WriteStartArray("toolExecutionNotifications");
                foreach (var n in result.Notices)
                {
                    w.WriteStartObject();
                    w.WriteString("level", n.Kind == "error" ? "error" : n.Kind == "refused" ? "warning" : "note");
                    w.WriteStartObject("message");
                    w.WriteString("text", n.Kind + ": " + n.Message);
                    w.WriteEndObject();
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", EscapeUri(n.File));
                    w.WriteString("uriBaseId", SrcRoot);
                    w.WriteEndObject();
                    if (n.Line > 0)
                    {
                        w.WriteStartObject("region");
                        w.WriteNumber("startLine", n.Line);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var r in result.Findings)
            {
                var f = r.Finding;
                w.WriteStartObject();
                w.WriteString("ruleId", f.Id);
                w.WriteNumber("ruleIndex", IndexOf(rules, f.Id));
                w.WriteString("level", Level(r.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", f.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                if (r.File is not null)
                {
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", EscapeUri(r.File));
                    w.WriteString("uriBaseId", SrcRoot);
                    w.WriteEndObject();
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", r.Line ?? 1);
                    if (r.Column is not null)
                    {
                        w.WriteNumber("startColumn", r.Column.Value);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteStartArray("logicalLocations");
                w.WriteStartObject();
                w.WriteString("name", f.PropertyPath);
                w.WriteString("fullyQualifiedName", f.Resource + "." + f.PropertyPath);
                w.WriteString("kind", "member");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("partialFingerprints");
                w.WriteString("clusterregistryFinding/v1", Fingerprint(result.StackName, f));
                w.WriteEndObject();
                if (f.Fix.Count > 0)
                {
                    w.WriteStartObject("properties");
                    w.WriteStartObject("fix");
                    foreach (var kv in f.Fix.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    {
                        w.WriteString(kv.Key, kv.Value);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    public static string Level(RuleSeverity s) => s switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "note",
    };

    private static int IndexOf(IReadOnlyList<RuleDescriptor> rules, string id)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static string EscapeUri(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static string Fingerprint(string stack, Finding f)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(stack + "\n" + f.Id + "\n" + f.Resource + "\n" + f.PropertyPath));
        return Convert.ToHexStringLower(bytes, 0, 16);
    }

    private static string Pascal(string title)
    {
        var sb = new StringBuilder();
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0)
            {
                sb.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }

        return sb.ToString();
    }
}
