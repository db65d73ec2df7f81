using ClusterRegistry.Testing;

namespace ClusterRegistry.Docs.Tests;

/// <summary>
/// docs/rules is what the catalogue and the code fix providers say: every ID has a page, and every page's generated
/// parts (title, severity, area, code fix, Suppress; the README's index and code fix summary) are current. With
/// CLUSTERREGISTRY_REGENERATE_DOCS=1 the test rewrites them instead (see <see cref="RuleDocs.Command"/>).
/// </summary>
public class RuleDocsTests
{
    private static string RulesDir => Path.Combine(RepoPaths.Root, "docs", "rules");

    [Fact]
    public void Every_rule_page_is_current()
    {
        var pages = RuleDocs.Render(RulesDir, out var missing);
        Assert.True(missing.Count == 0, "no page for: " + string.Join(", ", missing.Select(Path.GetFileName))
            + ". Write it (What it detects, Why it breaks pulls with its upstream sources, Bad, Good), then run: " + RuleDocs.Command);

        if (Environment.GetEnvironmentVariable("CLUSTERREGISTRY_REGENERATE_DOCS") == "1")
        {
            foreach (var (path, text) in pages)
            {
                File.WriteAllText(path, text);
            }

            return;
        }

        var stale = pages.Where(p => File.ReadAllText(p.Key).Replace("\r\n", "\n") != p.Value).Select(p => Path.GetFileName(p.Key)).ToList();
        Assert.True(stale.Count == 0, $"stale generated parts in docs/rules: {string.Join(", ", stale)}. Regenerate with: {RuleDocs.Command}");
    }

    [Fact]
    public void No_page_exists_for_an_ID_the_code_does_not_know()
    {
        var known = RuleDocs.Entries().Select(e => e.Id + ".md").ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.GetFiles(RulesDir, "CRG*.md").Select(Path.GetFileName).Where(n => !known.Contains(n!)).ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void Generation_is_idempotent()
    {
        var once = RuleDocs.Render(RulesDir, out _);
        foreach (var e in RuleDocs.Entries())
        {
            var path = Path.Combine(RulesDir, e.Id + ".md");
            Assert.Equal(once[path], RuleDocs.Page(once[path], e));
        }

        var readme = Path.Combine(RulesDir, "README.md");
        Assert.Equal(once[readme], RuleDocs.Readme(once[readme], RuleDocs.Entries()));
    }

    [Fact]
    public void A_new_rule_page_written_by_hand_gets_its_generated_parts()
    {
        var e = RuleDocs.Entries().Single(x => x.Id == "CRG102");
        var handWritten = "# CRG102: draft\n\n## What it detects\n\nSomething.\n\n## Why it breaks pulls\n\nA reason (https://example.org/source).\n";
        var page = RuleDocs.Page(handWritten, e);
        Assert.StartsWith("# CRG102: " + e.Title + "\n\n| | |\n|---|---|\n| Severity | error |\n| Area | Spegel |\n| Code fix | yes |\n| Runs in | analyzer (IDE and build), `check`, `diff` |\n", page);
        Assert.Contains("A reason (https://example.org/source).\n\n## Suppress\n", page);
        Assert.Contains("dotnet_diagnostic.CRG102.severity", page);
        Assert.Equal(page, RuleDocs.Page(page, e));
    }

    [Fact]
    public void The_code_fix_row_follows_the_providers()
    {
        var withFix = RuleDocs.Entries().Single(x => x.Id == "CRG102");
        var withoutFix = withFix with { FixProvider = null };
        var page = "# x\n\n| | |\n|---|---|\n| Code fix | yes: sets `PrependExisting = true` |\n\n## What it detects\n\nx\n";
        Assert.Contains("| Code fix | yes: sets `PrependExisting = true` |", RuleDocs.Page(page, withFix));
        Assert.Contains("| Code fix | no |", RuleDocs.Page(page, withoutFix));
    }
}
