using System.Reflection;
using System.Text.RegularExpressions;
using ClusterRegistry.Doctor;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rules.Tests.Docs;

/// <summary>
/// The pages the help links point at (docs/rules): one per stack rule and per node check, each naming its rule as the
/// code does, with Bad and Good sections whose C# uses only SDK names that exist; the index lists every page once.
/// </summary>
public sealed class RulePagesTests
{
    private static readonly Assembly Sdk = typeof(Stack).Assembly;

    public static TheoryData<string> StackRuleIds() => new(RuleCatalog.Descriptors.Select(d => d.Id));

    public static TheoryData<string> NodeCheckIds() => new(NodeDoctor.Checks.Select(c => c.Id));

    public static TheoryData<string> PageIds() => new(RulePage.AllIds());

    [Theory]
    [MemberData(nameof(StackRuleIds))]
    public void Stack_rule_page_matches_its_descriptor(string id)
    {
        var d = RuleCatalog.Find(id)!;
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, d.DocPath)), d.DocPath + " is missing");
        var page = RulePage.Load(id);
        Assert.Equal($"# {d.Id}: {d.Title}", page.Heading);
        Assert.Equal(d.DefaultSeverity.ToString().ToLowerInvariant(), page.Table["Severity"]);
        Assert.Equal(d.Category, page.Table["Area"]);
        foreach (var section in new[] { "What it detects", "Why it breaks pulls", "Bad", "Good", "Suppress" })
        {
            Assert.True(page.Sections.ContainsKey(section), $"{id}.md has no '## {section}' section");
            Assert.False(string.IsNullOrWhiteSpace(page.Sections[section]), $"{id}.md: '## {section}' is empty");
        }

        Assert.Contains("```csharp", page.Sections["Bad"]);
        Assert.Contains("```csharp", page.Sections["Good"]);
        Assert.Matches(@"https://|seed,\s", page.Sections["Why it breaks pulls"]); // an upstream source (DocLinksTests forbids internal ones)
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page.Sections["Suppress"]);
        Assert.Contains($"#pragma warning disable {id}", page.Sections["Suppress"]);
    }

    [Theory]
    [MemberData(nameof(StackRuleIds))]
    public void Code_fix_row_says_whether_a_code_fix_exists(string id)
    {
        var fixes = Path.Combine(RepoPaths.Root, "analyzers", "ClusterRegistry.CodeFixes", "Fixes");
        var hasFix = Directory.GetFiles(fixes, "Crg" + id[3..] + "*.cs").Length > 0;
        var row = RulePage.Load(id).Table["Code fix"];
        Assert.True(hasFix == row.StartsWith("yes", StringComparison.Ordinal), $"{id}: code fix file exists = {hasFix}, page says '{row}'");
    }

    [Theory]
    [MemberData(nameof(NodeCheckIds))]
    public void Node_check_page_names_the_check_and_how_to_confirm_the_fix(string id)
    {
        var check = NodeDoctor.Checks.Single(c => c.Id == id);
        Assert.True(File.Exists(Path.Combine(RulePage.Folder, id + ".md")), $"docs/rules/{id}.md is missing");
        var page = RulePage.Load(id);
        Assert.Equal($"# {id}: {check.Title}", page.Heading, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Node (`doctor`)", page.Table["Area"]);
        foreach (var section in new[] { "What doctor saw", "Why it breaks pulls", "Bad", "Good", "Fix and confirm", "Suppress" })
        {
            Assert.True(page.Sections.ContainsKey(section), $"{id}.md has no '## {section}' section");
            Assert.False(string.IsNullOrWhiteSpace(page.Sections[section]), $"{id}.md: '## {section}' is empty");
        }

        Assert.Matches(@"https://|seed,\s", page.Sections["Why it breaks pulls"]); // an upstream source (DocLinksTests forbids internal ones)
        Assert.Matches(@"talosctl -n \S+ (ls|read|reboot)", page.Sections["Fix and confirm"] + page.Sections["Bad"]);
    }

    [Theory]
    [MemberData(nameof(PageIds))]
    public void Every_page_is_for_a_known_id_and_cites_its_sources(string id)
    {
        var known = RuleCatalog.Descriptors.Select(d => d.Id).Concat(NodeDoctor.Checks.Select(c => c.Id));
        Assert.Contains(id, known);
        var page = RulePage.Load(id);
        Assert.StartsWith($"# {id}: ", page.Heading);
        Assert.Matches(@"https://|seed,\s", page.Sections["Why it breaks pulls"]);
        var lines = page.Text.Split('\n').Length;
        Assert.InRange(lines, 30, 75);
    }

    [Fact]
    public void Index_lists_every_page_once_with_its_severity_and_code_fix()
    {
        var index = File.ReadAllText(Path.Combine(RulePage.Folder, "README.md"));
        var rows = Regex.Matches(index, @"^\| \[(?<id>CRG\d{3})\]\((?<file>[^)]+)\) \| (?<title>[^|]+) \| (?<sev>[^|]+) \| (?<area>[^|]+) \| (?<fix>yes|no) \|$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["id"].Value, m => m);
        Assert.Equal(RulePage.AllIds(), rows.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (id, row) in rows)
        {
            var page = RulePage.Load(id);
            Assert.Equal(id + ".md", row.Groups["file"].Value);
            Assert.Equal(page.Heading, $"# {id}: {row.Groups["title"].Value.Trim()}");
            Assert.Equal(page.Table["Code fix"].StartsWith("yes", StringComparison.Ordinal) ? "yes" : "no", row.Groups["fix"].Value);
            if (RuleCatalog.Find(id) is { } d)
            {
                Assert.Equal(d.DefaultSeverity.ToString().ToLowerInvariant(), row.Groups["sev"].Value.Trim());
            }
        }
    }

    [Theory]
    [MemberData(nameof(StackRuleIds))]
    public void Csharp_examples_use_only_sdk_names_that_exist(string id)
    {
        var types = Sdk.GetExportedTypes().ToDictionary(t => t.Name, StringComparer.Ordinal);
        var members = new HashSet<string>(Sdk.GetExportedTypes().SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)).Select(m => m.Name), StringComparer.Ordinal);
        var examples = RulePage.Load(id).CSharpExamples.ToList();
        Assert.NotEmpty(examples);
        foreach (var code in examples.Select(StripComments))
        {
            foreach (Match m in Regex.Matches(code, @"\bnew (?<t>[A-Z]\w*)\s*[({]"))
            {
                Assert.True(types.ContainsKey(m.Groups["t"].Value), $"{id}.md: 'new {m.Groups["t"].Value}' is not an SDK type");
            }

            foreach (Match m in Regex.Matches(code, @"\b(?<t>[A-Z]\w*)\.(?<m>[A-Z]\w*)"))
            {
                var t = m.Groups["t"].Value;
                if (t is "TimeSpan")
                {
                    continue;
                }

                Assert.True(types.TryGetValue(t, out var type), $"{id}.md: '{t}' is not an SDK type");
                Assert.True(type!.GetMember(m.Groups["m"].Value).Length > 0, $"{id}.md: '{t}.{m.Groups["m"].Value}' does not exist");
            }

            foreach (Match m in Regex.Matches(code, @"\b[a-z]\w*\.(?<m>[A-Z]\w*)"))
            {
                Assert.True(members.Contains(m.Groups["m"].Value), $"{id}.md: member '{m.Groups["m"].Value}' exists on no SDK type");
            }

            foreach (Match m in Regex.Matches(code, @"(?<![\w.""])(?<p>[A-Z]\w*)\s*=(?![=>])"))
            {
                Assert.True(members.Contains(m.Groups["p"].Value), $"{id}.md: property '{m.Groups["p"].Value}' exists on no SDK type");
            }
        }
    }

    private static string StripComments(string code) =>
        Regex.Replace(Regex.Replace(code, @"/\*.*?\*/", "", RegexOptions.Singleline), @"//[^\n]*", "");
}
