using System.Text;
using ClusterRegistry.CodeFixes;
using ClusterRegistry.Doctor;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ClusterRegistry.Docs.Tests;

/// <summary>
/// Generates the parts of <c>docs/rules/</c> that the code knows, and keeps the hand-written prose (what it detects, why
/// it breaks pulls with its upstream citations, bad/good examples) untouched:
/// <list type="bullet">
/// <item>each page's title line and the Severity, Area and Code fix rows of its header table (other rows, such as
/// "Runs in", and the text after "yes" in the Code fix row are kept), from the rule descriptors
/// (<see cref="RuleCatalog"/>), the node checks (<see cref="NodeDoctor.Checks"/>) and the code fix providers;</item>
/// <item>each page's "## Suppress" section;</item>
/// <item>the index table and the code fix summary of <c>docs/rules/README.md</c>, between their markers.</item>
/// </list>
/// Re-runnable on pages written by hand in the same shape (a new rule's page): <see cref="Command"/> rewrites them.
/// </summary>
public static class RuleDocs
{
    public const string Command = "CLUSTERREGISTRY_REGENERATE_DOCS=1 dotnet test tests/ClusterRegistry.Docs.Tests -c Release --filter RuleDocsTests";

    private const string IndexBegin = "<!-- rule index: generated from the catalogue by tests/ClusterRegistry.Docs.Tests/RuleDocs.cs; regenerate, do not edit -->";
    private const string IndexEnd = "<!-- end of rule index -->";
    private const string FixesBegin = "<!-- code fixes: generated from analyzers/ClusterRegistry.CodeFixes by tests/ClusterRegistry.Docs.Tests/RuleDocs.cs; regenerate, do not edit -->";
    private const string FixesEnd = "<!-- end of code fixes -->";

    /// <summary>One documented ID: a stack rule or a node check.</summary>
    public sealed record Entry(string Id, string Title, string Severity, string Area, bool IsNodeCheck, string? FixProvider);

    /// <summary>Every ID with a page, in ID order.</summary>
    public static IReadOnlyList<Entry> Entries()
    {
        var providers = Providers();
        var rules = RuleCatalog.Descriptors.Select(d => new Entry(
            d.Id, d.Title, d.DefaultSeverity.ToString().ToLowerInvariant(), d.Category, false,
            providers.TryGetValue(d.Id, out var p) ? p.GetType().Name : null));
        var nodes = NodeDoctor.Checks.Select(c => new Entry(
            c.Id, Sentence(c.Title), "node finding: `doctor` exits 1", "Node (`doctor`)", true, null));
        return rules.Concat(nodes).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A listing title as a heading: the first word capitalised unless it is a file or key name (hosts.toml, discard_unpacked_layers).</summary>
    private static string Sentence(string title)
    {
        var first = title.Split(' ')[0];
        return first.All(char.IsLetter) ? char.ToUpperInvariant(title[0]) + title[1..] : title;
    }

    /// <summary>The code fix provider of each rule ID, from the CodeFixes assembly.</summary>
    public static IReadOnlyDictionary<string, CodeFixProvider> Providers()
    {
        var map = new Dictionary<string, CodeFixProvider>(StringComparer.Ordinal);
        foreach (var type in typeof(StackCodeFix).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)))
        {
            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            foreach (var id in provider.FixableDiagnosticIds)
            {
                map.Add(id, provider);
            }
        }

        return map;
    }

    /// <summary>The generated content of every page and of the README, by path; pages that do not exist yet are listed in <paramref name="missing"/>.</summary>
    public static IReadOnlyDictionary<string, string> Render(string rulesDir, out IReadOnlyList<string> missing)
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var absent = new List<string>();
        var entries = Entries();
        foreach (var e in entries)
        {
            var path = Path.Combine(rulesDir, e.Id + ".md");
            if (!File.Exists(path))
            {
                absent.Add(path);
                continue;
            }

            pages[path] = Page(File.ReadAllText(path), e);
        }

        var readme = Path.Combine(rulesDir, "README.md");
        pages[readme] = Readme(File.ReadAllText(readme), entries);
        missing = absent;
        return pages;
    }

    public static string Page(string text, Entry e)
    {
        var lines = Lines(text);
        if (lines.Count == 0 || !lines[0].StartsWith("# ", StringComparison.Ordinal))
        {
            lines.Insert(0, "");
            lines.Insert(0, "#");
        }

        lines[0] = $"# {e.Id}: {e.Title}";

        // The header table: the first table after the title.
        var start = lines.FindIndex(1, l => l.StartsWith('|'));
        var firstSection = lines.FindIndex(1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var rows = new List<(string Key, string Value)>();
        if (start >= 0 && (firstSection < 0 || start < firstSection))
        {
            var end = start;
            while (end < lines.Count && lines[end].StartsWith('|'))
            {
                end++;
            }

            rows.AddRange(lines.Skip(start + 2).Take(end - start - 2).Select(Row));
            lines.RemoveRange(start, end - start);
        }
        else
        {
            start = 2;
            while (lines.Count < 2)
            {
                lines.Add("");
            }

            lines.Insert(2, "");
            rows.Add(("Runs in", e.IsNodeCheck ? "`doctor --stack NAME --node IP (--talosctl \\| --root DIR)`" : "analyzer (IDE and build), `check`, `diff`"));
        }

        var oldFix = rows.FirstOrDefault(r => r.Key == "Code fix").Value ?? "";
        var fix = e.FixProvider is null ? "no" : "yes" + (oldFix.StartsWith("yes", StringComparison.Ordinal) ? oldFix[3..] : "");
        var table = new List<string> { "| | |", "|---|---|", $"| Severity | {e.Severity} |", $"| Area | {e.Area} |", $"| Code fix | {fix} |" };
        table.AddRange(rows.Where(r => r.Key is not ("Severity" or "Area" or "Code fix")).Select(r => $"| {r.Key} | {r.Value} |"));
        lines.InsertRange(start, table);

        // The Suppress section, to the next section or the end.
        var suppress = lines.FindIndex(l => l == "## Suppress");
        if (suppress >= 0)
        {
            var next = lines.FindIndex(suppress + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            lines.RemoveRange(suppress, (next < 0 ? lines.Count : next) - suppress);
        }
        else
        {
            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            lines.Add("");
            suppress = lines.Count;
        }

        var refused = rows.Any(r => r.Key == "Runs in" && r.Value.Contains("refuse", StringComparison.Ordinal));
        var section = Suppress(e, refused);
        if (suppress < lines.Count)
        {
            section.Add("");
        }

        lines.InsertRange(suppress, section);
        return Join(lines);
    }

    private static List<string> Suppress(Entry e, bool modelRefusesTheStack)
    {
        if (modelRefusesTheStack)
        {
            return
            [
                "## Suppress",
                "",
                $"- IDE and build: `dotnet_diagnostic.{e.Id}.severity = none` or `#pragma warning disable {e.Id}` hides the diagnostic,",
                "  but the model refuses the stack: `check`, `synth` and `diff` exit 2 whatever the configuration. Fix the stack instead.",
            ];
        }

        if (e.IsNodeCheck)
        {
            return
            [
                "## Suppress",
                "",
                "`doctor` has no configuration: it reads neither `.editorconfig` nor `#pragma`, and every node check always runs.",
                "Fix the node (or the stack) instead; the analyzer settings do not apply to CRG5xx.",
            ];
        }

        return
        [
            "## Suppress",
            "",
            $"- IDE and build: `dotnet_diagnostic.{e.Id}.severity = none` (or `silent`, `suggestion`, `warning`, `error`) in",
            $"  `.editorconfig` / `.globalconfig`, or `#pragma warning disable {e.Id}` … `#pragma warning restore {e.Id}` around",
            "  the line the diagnostic points at.",
            $"- `check` reads the same `.editorconfig` / `.globalconfig` with the compiler's own reader: `dotnet_diagnostic.{e.Id}.severity`,",
            $"  then `dotnet_analyzer_diagnostic.category-{e.Area}.severity`, then `dotnet_analyzer_diagnostic.severity`; `none` or",
            "  `silent` drops the finding, another value replaces the default severity. Only the compiler sees `#pragma`;",
            "  `diff` reports at the default severity. See [Suppressing](README.md#suppressing).",
        ];
    }

    public static string Readme(string text, IReadOnlyList<Entry> entries)
    {
        var index = new StringBuilder();
        index.AppendLine(IndexBegin);
        index.AppendLine("| ID | Title | Default severity | Area | Code fix |");
        index.AppendLine("|---|---|---|---|---|");
        foreach (var e in entries)
        {
            var severity = e.IsNodeCheck ? "— (finding ⇒ exit 1)" : e.Severity;
            index.AppendLine($"| [{e.Id}]({e.Id}.md) | {e.Title} | {severity} | {e.Area} | {(e.FixProvider is null ? "no" : "yes")} |");
        }

        index.Append(IndexEnd);
        text = ReplaceBlock(text, IndexBegin, IndexEnd, index.ToString(), "| ID | Title |");

        var fixable = entries.Where(e => e.FixProvider is not null).ToList();
        var scopes = Providers().Values.Select(p => p.GetFixAllProvider()).Where(f => f is not null)
            .SelectMany(f => f!.GetSupportedFixAllScopes()).Distinct().Select(s => s.ToString().ToLowerInvariant()).ToList();
        var fixes = new StringBuilder();
        fixes.AppendLine(FixesBegin);
        fixes.AppendLine($"The light bulb exists for {fixable.Count} rules: {string.Join(", ", fixable.Select(e => e.Id))}");
        fixes.AppendLine("(one provider each in `analyzers/ClusterRegistry.CodeFixes/Fixes/`); Fix All applies in "
            + string.Join(", ", scopes.Where(s => s is "document" or "project" or "solution")) + " scope.");
        fixes.Append(FixesEnd);
        return ReplaceBlock(text, FixesBegin, FixesEnd, fixes.ToString(), "The light bulb exists for");
    }

    /// <summary>Replaces the marked block, or on the first run the paragraph/table starting with <paramref name="legacyStart"/>.</summary>
    private static string ReplaceBlock(string text, string begin, string end, string block, string legacyStart)
    {
        var lines = Lines(text);
        var from = lines.IndexOf(begin);
        int to;
        if (from >= 0)
        {
            to = lines.IndexOf(end, from) + 1;
        }
        else
        {
            from = lines.FindIndex(l => l.StartsWith(legacyStart, StringComparison.Ordinal));
            if (from < 0)
            {
                throw new InvalidOperationException($"docs/rules/README.md has neither the marker '{begin}' nor a line starting '{legacyStart}'");
            }

            to = from;
            while (to < lines.Count && lines[to].Length > 0)
            {
                to++;
            }
        }

        lines.RemoveRange(from, to - from);
        lines.InsertRange(from, Lines(block));
        return Join(lines);
    }

    private static (string Key, string Value) Row(string line)
    {
        var inner = line.Trim().Trim('|');
        var bar = inner.IndexOf(" | ", StringComparison.Ordinal);
        return bar < 0 ? (inner.Trim(), "") : (inner[..bar].Trim(), inner[(bar + 3)..].Trim());
    }

    private static List<string> Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').ToList();

    private static string Join(List<string> lines) => string.Join("\n", lines) + "\n";
}
