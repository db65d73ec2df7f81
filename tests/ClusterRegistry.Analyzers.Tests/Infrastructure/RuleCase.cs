using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>What a rule case shows.</summary>
public enum CaseKind
{
    /// <summary>The rule fires, exactly at the marked spans.</summary>
    Fires,

    /// <summary>Close to firing, but correct: the rule stays silent.</summary>
    NearMiss,

    /// <summary>A value the rule needs is not a compile-time constant: the rule stays silent.</summary>
    Unknown,
}

/// <summary>
/// One analyzer case for one rule: the body of a stack constructor (and optional members) with <c>[|...|]</c> around
/// every span where <see cref="Id"/> must be reported. Other rules may fire too; only <see cref="Id"/> is checked.
/// </summary>
public sealed record RuleCase(string Id, CaseKind Kind, string Name, string Body, string Members = "", string? File = null)
{
    public string Key => $"{Id} {Kind} {Name}";

    /// <summary>The whole stack file: usings and one stack class <c>S</c>, or <see cref="File"/> (after the usings) when given.</summary>
    public string Source => TestCompilation.Usings + (File ?? "public sealed class S : Stack\n{\n" + Members + "\n    public S() : base(\"s\")\n    {\n" + Body + "\n    }\n}\n");

    /// <summary>A case written as a whole file (several classes, constructor chains).</summary>
    public static RuleCase WholeFile(string id, CaseKind kind, string name, string file) => new(id, kind, name, "", "", file);

    public override string ToString() => Key;
}

/// <summary>Runs rule cases through the real analyzer on a real compilation.</summary>
public static class RuleCaseRunner
{
    public static async Task AssertAsync(RuleCase c)
    {
        var (source, expected) = Markup.Parse(c.Source);
        if (c.Kind == CaseKind.Fires)
        {
            Assert.True(expected.Count > 0, c.Key + ": a firing case must mark at least one span");
        }
        else
        {
            Assert.True(expected.Count == 0, c.Key + ": a silent case must not mark spans");
        }

        var compilation = TestCompilation.Create(source);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, c.Key + " does not compile:\n" + string.Join("\n", errors));
        var before = StackAnalyzer.InternalErrors;
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diags, d => d.Id == "AD0001");
        Assert.True(StackAnalyzer.InternalErrors == before, StackAnalyzer.LastInternalError?.ToString());

        var actual = diags.Where(d => d.Id == c.Id).Select(d => d.Location.SourceSpan).Distinct().OrderBy(s => s.Start).ToList();
        var all = string.Join("\n", diags.Select(d => $"  {d.Id} at [{Markup.Show(source, d.Location.SourceSpan)}]: {d.GetMessage()}"));
        Assert.True(
            expected.OrderBy(s => s.Start).SequenceEqual(actual),
            $"{c.Key}\nexpected {c.Id} at: {Show(source, expected)}\nactual {c.Id} at:   {Show(source, actual)}\nall diagnostics:\n{all}");
    }

    private static string Show(string source, IEnumerable<TextSpan> spans) =>
        string.Join(", ", spans.Select(s => "[" + Markup.Show(source, s) + "]"));
}

/// <summary>Theory data for a case table (keyed by name, so each case is its own test in the runner).</summary>
public static class RuleCases
{
    public static TheoryData<string> Keys(IEnumerable<RuleCase> cases)
    {
        var data = new TheoryData<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            Assert.True(seen.Add(c.Key), "duplicate case " + c.Key);
            data.Add(c.Key);
        }

        return data;
    }

    public static RuleCase Find(IEnumerable<RuleCase> cases, string key) => cases.Single(c => c.Key == key);
}
