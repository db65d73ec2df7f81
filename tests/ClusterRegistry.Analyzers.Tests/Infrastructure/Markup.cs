using Microsoft.CodeAnalysis.Text;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>Test markup: <c>[|...|]</c> marks a span where a diagnostic is expected (Microsoft.CodeAnalysis.Testing style).</summary>
public static class Markup
{
    /// <summary>The source without markup and the marked spans, in order.</summary>
    public static (string Source, IReadOnlyList<TextSpan> Spans) Parse(string marked)
    {
        var sb = new System.Text.StringBuilder(marked.Length);
        var spans = new List<TextSpan>();
        var open = -1;
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                Assert.True(open < 0, "nested [| in markup");
                open = sb.Length;
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0)
            {
                Assert.True(open >= 0, "|] without [| in markup");
                spans.Add(TextSpan.FromBounds(open, sb.Length));
                open = -1;
                i++;
            }
            else
            {
                sb.Append(marked[i]);
            }
        }

        Assert.True(open < 0, "unclosed [| in markup");
        return (sb.ToString(), spans);
    }

    /// <summary>The text of <paramref name="span"/>, for failure messages.</summary>
    public static string Show(string source, TextSpan span) => source.Substring(span.Start, span.Length);
}
