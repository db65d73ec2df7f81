using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Diff;

/// <summary>Renders a <see cref="DiffReport"/> as text (terminal), Markdown (a PR comment) or JSON (machines).</summary>
public static class DiffFormatter
{
    /// <summary>Rows in the Markdown table before the rest go into the collapsed details.</summary>
    public const int MarkdownTableRows = 15;

    public static string Format(DiffReport report, string format) => format switch
    {
        "text" => Text(report),
        "markdown" => Markdown(report),
        "json" => Json(report),
        _ => throw new ArgumentException($"unknown format '{format}'; expected text, markdown or json", nameof(format)),
    };

    public static string Summary(DiffReport report)
    {
        var parts = new List<string>();
        if (report.Count(ChangeKind.Add) > 0)
        {
            parts.Add($"+{report.Count(ChangeKind.Add)} to add");
        }

        if (report.Count(ChangeKind.Update) > 0)
        {
            parts.Add($"~{report.Count(ChangeKind.Update)} to change");
        }

        if (report.Replacements > 0)
        {
            parts.Add($"+-{report.Replacements} to replace");
        }

        if (report.Count(ChangeKind.Remove) > 0)
        {
            parts.Add($"-{report.Count(ChangeKind.Remove)} to remove");
        }

        return parts.Count == 0 ? "no resource changes" : string.Join(", ", parts);
    }

    public static string Text(DiffReport report)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"stack {report.Stack}: {report.BaseOrigin} -> {report.HeadOrigin}\n");
        foreach (var group in Groups(report))
        {
            var c = group[0];
            var more = group.Count > 1 ? $" (and {group.Count - 1} more with the same change: {string.Join(", ", group.Skip(1).Take(3).Select(g => g.Key))}{(group.Count > 4 ? ", …" : "")})" : "";
            sb.Append(CultureInfo.InvariantCulture, $"{Marker(c)} {c.Key} ({c.Type}){more}\n");
            foreach (var p in c.Properties)
            {
                sb.Append("      ").Append(PropertyLine(p)).Append('\n');
            }
        }

        sb.Append("Resources: ").Append(Summary(report)).Append('\n');
        AppendFindingsText(sb, report);
        return sb.ToString();
    }

    public static string Markdown(DiffReport report)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"### ClusterRegistry · `{report.Stack}`: {Summary(report)}");
        if (report.FindingsIntroduced is { } intro && report.FindingsFixed is { } fixedOnes)
        {
            sb.Append(CultureInfo.InvariantCulture, $" · findings: {intro.Count} new, {fixedOnes.Count} fixed");
        }

        sb.Append("\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"<sub>`{Escape(report.BaseOrigin)}` → `{Escape(report.HeadOrigin)}` · offline, from the declared topology; `pulumi preview` shows the live diff</sub>\n\n");

        if (report.FindingsIntroduced is { Count: > 0 } introduced)
        {
            sb.Append("**New findings**\n\n");
            foreach (var f in introduced)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {SeverityIcon(f.Severity)} **{f.Id}** {Escape(f.Resource)}: {Escape(f.Message)}\n");
            }

            sb.Append('\n');
        }

        if (report.FindingsFixed is { Count: > 0 } fixedList)
        {
            sb.Append("**Fixed**: ");
            sb.Append(string.Join(", ", fixedList.Select(f => $"~~{f.Id}~~ {Escape(f.Resource)}")));
            sb.Append("\n\n");
        }

        var groups = Groups(report);
        if (groups.Count > 0)
        {
            sb.Append("| | resource | type | what changes |\n|---|---|---|---|\n");
            foreach (var group in groups.Take(MarkdownTableRows))
            {
                var c = group[0];
                var name = group.Count > 1 ? $"`{c.Key}` +{group.Count - 1} alike" : $"`{c.Key}`";
                sb.Append(CultureInfo.InvariantCulture, $"| {MarkerMd(c)} | {name} | {ShortType(c.Type)} | {Escape(Headline(c))} |\n");
            }

            if (groups.Count > MarkdownTableRows)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| | … {groups.Count - MarkdownTableRows} more | | see details |\n");
            }

            sb.Append("\n<details><summary>Property changes</summary>\n\n```diff\n");
            foreach (var group in groups)
            {
                var c = group[0];
                var alike = group.Count > 1 ? $" (+{group.Count - 1} alike)" : "";
                sb.Append(CultureInfo.InvariantCulture, $"{DiffMarker(c)} {c.Key} ({c.Type}){alike}\n");
                foreach (var p in c.Properties)
                {
                    sb.Append(p.Kind switch { ChangeKind.Add => "+ ", ChangeKind.Remove => "- ", _ => "! " }).Append("    ").Append(PropertyLine(p)).Append('\n');
                }
            }

            sb.Append("```\n</details>\n");
        }
        else
        {
            sb.Append("No resource changes.\n");
        }

        return sb.ToString();
    }

    public static string Json(DiffReport report)
    {
        var root = new JsonObject
        {
            ["stack"] = report.Stack,
            ["base"] = report.BaseOrigin,
            ["head"] = report.HeadOrigin,
            ["summary"] = new JsonObject
            {
                ["add"] = report.Count(ChangeKind.Add),
                ["update"] = report.Count(ChangeKind.Update),
                ["replace"] = report.Replacements,
                ["remove"] = report.Count(ChangeKind.Remove),
            },
            ["changes"] = new JsonArray(report.Changes.Select(c => (JsonNode?)new JsonObject
            {
                ["key"] = c.Key,
                ["type"] = c.Type,
                ["op"] = c.Replaces ? "replace" : c.Kind.ToString().ToLowerInvariant(),
                ["properties"] = new JsonArray(c.Properties.Select(p => (JsonNode?)new JsonObject
                {
                    ["path"] = p.Path,
                    ["kind"] = p.Kind.ToString().ToLowerInvariant(),
                    ["old"] = SecretMask.Mask(p.Path, p.Old),
                    ["new"] = SecretMask.Mask(p.Path, p.New),
                }).ToArray()),
            }).ToArray()),
        };
        if (report.FindingsIntroduced is { } intro)
        {
            root["findingsIntroduced"] = Findings(intro);
        }

        if (report.FindingsFixed is { } fixedOnes)
        {
            root["findingsFixed"] = Findings(fixedOnes);
        }

        return Program.PulumiProgram.Serialize(root);
    }

    private static JsonArray Findings(IEnumerable<DiffFinding> findings) => new(findings.Select(f => (JsonNode?)new JsonObject
    {
        ["id"] = f.Id,
        ["severity"] = f.Severity,
        ["resource"] = f.Resource,
        ["path"] = f.PropertyPath,
        ["message"] = f.Message,
    }).ToArray());

    /// <summary>Changes grouped by identical change sets, in report order (first occurrence).</summary>
    private static List<List<ResourceChange>> Groups(DiffReport report)
    {
        var order = new List<List<ResourceChange>>();
        var bySignature = new Dictionary<string, List<ResourceChange>>(StringComparer.Ordinal);
        foreach (var c in report.Changes)
        {
            // Added/removed resources differ by their values (node IPs), so group only updates.
            var sig = c.Kind == ChangeKind.Update ? c.Signature : c.Kind + "|" + c.Key;
            if (!bySignature.TryGetValue(sig, out var list))
            {
                bySignature[sig] = list = new List<ResourceChange>();
                order.Add(list);
            }

            list.Add(c);
        }

        return order;
    }

    private static string Headline(ResourceChange c)
    {
        if (c.Kind != ChangeKind.Update)
        {
            return c.Kind == ChangeKind.Add ? "new" : "deleted";
        }

        var first = c.Properties[0];
        var line = PropertyLine(first, 80);
        return c.Properties.Count == 1 ? line : $"{line} (+{c.Properties.Count - 1} more)";
    }

    private static string PropertyLine(PropertyChange p, int max = 120) => p.Kind switch
    {
        ChangeKind.Add => $"{p.Path}: + {SecretMask.Show(p.Path, p.New, max)}",
        ChangeKind.Remove => $"{p.Path}: - {SecretMask.Show(p.Path, p.Old, max)}",
        _ => $"{p.Path}: {SecretMask.Show(p.Path, p.Old, max)} → {SecretMask.Show(p.Path, p.New, max)}",
    };

    private static void AppendFindingsText(StringBuilder sb, DiffReport report)
    {
        if (report.FindingsIntroduced is null || report.FindingsFixed is null)
        {
            sb.Append("Findings: not compared (no findings for one side)\n");
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"Findings: {report.FindingsIntroduced.Count} new, {report.FindingsFixed.Count} fixed\n");
        foreach (var f in report.FindingsIntroduced)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  + {f.Severity} {f.Id} {f.Resource}: {f.Message}\n");
        }

        foreach (var f in report.FindingsFixed)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - {f.Severity} {f.Id} {f.Resource}: {f.Message}\n");
        }
    }

    private static string Marker(ResourceChange c) => c.Replaces ? "+-" : c.Kind switch { ChangeKind.Add => "+ ", ChangeKind.Remove => "- ", _ => "~ " };

    private static string DiffMarker(ResourceChange c) => c.Replaces ? "!" : c.Kind switch { ChangeKind.Add => "+", ChangeKind.Remove => "-", _ => "!" };

    private static string MarkerMd(ResourceChange c) => c.Replaces ? "🔁" : c.Kind switch { ChangeKind.Add => "➕", ChangeKind.Remove => "➖", _ => "✏️" };

    private static string SeverityIcon(string severity) => severity.ToLowerInvariant() switch { "error" => "🛑", "warning" => "⚠️", _ => "ℹ️" };

    private static string ShortType(string type) => type[(type.LastIndexOf(':') + 1)..];

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
