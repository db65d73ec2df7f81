using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>Test markup: <c>[|...|]</c> marks a span where a diagnostic is expected (Microsoft.CodeAnalysis.Testing markup).</summary>
public static class Markup
{
    /// <summary>The source without markup and the marked spans, in order (Microsoft.CodeAnalysis.Testing's own parser).</summary>
    public static (string Source, IReadOnlyList<TextSpan> Spans) Parse(string marked)
    {
        TestFileMarkupParser.GetSpans(marked, out var source, out System.Collections.Immutable.ImmutableArray<TextSpan> spans);
        return (source, spans.OrderBy(s => s.Start).ToList());
    }

    /// <summary>The text of <paramref name="span"/>, for failure messages.</summary>
    public static string Show(string source, TextSpan span) => source.Substring(span.Start, span.Length);
}
