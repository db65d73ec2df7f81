using System.Globalization;
using System.Text;

namespace ClusterRegistry.Repository.Import;

/// <summary>C# literals and identifiers for generated stack code.</summary>
public static class CSharpText
{
    /// <summary>A regular string literal, escaped.</summary>
    public static string Str(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    public static string Bool(bool b) => b ? "true" : "false";

    /// <summary>A PascalCase identifier from free text (letters and digits kept), never empty, never starting with a digit.</summary>
    public static string Identifier(string text, string fallback)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        var id = sb.Length == 0 ? fallback : sb.ToString();
        return char.IsAsciiDigit(id[0]) ? "_" + id : id;
    }

    /// <summary>A comment-safe one-liner.</summary>
    public static string Comment(string text) => text.Replace("\r", " ").Replace("\n", " ").Replace("*/", "* /");
}
