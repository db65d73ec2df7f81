using System.Text.RegularExpressions;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rules.Tests.Docs;

/// <summary>One page under <c>docs/rules/</c>, split into its title, its header table and its <c>## </c> sections.</summary>
public sealed class RulePage
{
    private RulePage(string id, string text)
    {
        Id = id;
        Text = text;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        Heading = lines[0];
        foreach (Match m in Regex.Matches(text, @"^\| (?<k>[A-Z][A-Za-z ]+?) \| (?<v>.*?) \|\s*$", RegexOptions.Multiline))
        {
            Table.TryAdd(m.Groups["k"].Value, m.Groups["v"].Value);
        }

        string? section = null;
        var body = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                section = line[3..].Trim();
                body.Clear();
            }
            else if (section is not null)
            {
                body.Add(line);
            }
        }

        Flush();

        void Flush()
        {
            if (section is not null)
            {
                Sections[section] = string.Join("\n", body);
            }
        }
    }

    /// <summary>The folder of the pages.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "docs", "rules");

    public string Id { get; }

    public string Text { get; }

    /// <summary>The first line, <c># CRG105: title</c>.</summary>
    public string Heading { get; }

    /// <summary>The header table: <c>Severity</c>, <c>Area</c>, <c>Code fix</c>, <c>Runs in</c>.</summary>
    public Dictionary<string, string> Table { get; } = new(StringComparer.Ordinal);

    /// <summary>Section title → body.</summary>
    public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

    /// <summary>The C# code blocks of the Bad and Good sections.</summary>
    public IEnumerable<string> CSharpExamples =>
        new[] { "Bad", "Good" }
            .Where(Sections.ContainsKey)
            .SelectMany(s => Regex.Matches(Sections[s], "```csharp\n(?<code>.*?)```", RegexOptions.Singleline).Select(m => m.Groups["code"].Value));

    public static RulePage Load(string id) => new(id, File.ReadAllText(Path.Combine(Folder, id + ".md")));

    /// <summary>The IDs of every page in the folder (file names without <c>.md</c>, README excluded).</summary>
    public static IReadOnlyList<string> AllIds() =>
        Directory.GetFiles(Folder, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != "README")
            .Select(n => n!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
}
