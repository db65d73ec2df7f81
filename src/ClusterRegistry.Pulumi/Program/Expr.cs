using System.Text;

namespace ClusterRegistry.Pulumi.Program;

/// <summary>
/// Pulumi YAML expression text. Every string in a program is an interpolation: <c>${a.b}</c> reads a resource output or a
/// config key and <c>$$</c> is a literal <c>$</c> (pulumi-yaml <c>ast/interpolation.go</c>). Literal text from the model
/// (e.g. a robot login <c>robot$cluster-pull</c>) must therefore have every <c>$</c> doubled.
/// </summary>
public static class Expr
{
    /// <summary>A literal string: every <c>$</c> doubled, so Pulumi reads it back unchanged.</summary>
    public static string Literal(string text) => text.Contains('$') ? text.Replace("$", "$$", StringComparison.Ordinal) : text;

    /// <summary>A substitution of a resource output or config key, e.g. <c>${robot-cluster-pull.secret}</c>.</summary>
    public static string Ref(string root, string? property = null) => property is null ? "${" + root + "}" : "${" + root + "." + property + "}";

    /// <summary>
    /// Turns rendered text holding <c>${VAR}</c> placeholders into an interpolation: placeholders named in
    /// <paramref name="references"/> become <c>${resource.output}</c> / <c>${configKey}</c>, every other <c>$</c> is literal.
    /// A placeholder of a known secret variable that has no reference is an error (it would reach the cluster unresolved).
    /// </summary>
    public static string Interpolate(string text, IReadOnlyDictionary<string, string> references, ISet<string>? secretVariables = null)
    {
        if (!text.Contains('$'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end > 0)
                {
                    var name = text[(i + 2)..end];
                    if (references.TryGetValue(name, out var target))
                    {
                        sb.Append(target);
                        i = end;
                        continue;
                    }

                    if (secretVariables is not null && secretVariables.Contains(name))
                    {
                        throw new StackDefinitionException("Secret", "variable", name,
                            "the secret has no source in the Pulumi program (no robot output or config key provides it)");
                    }
                }
            }

            if (c == '$')
            {
                sb.Append("$$");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The logical-name form of arbitrary text: <c>[a-z0-9-]</c>, e.g. <c>192.168.1.98</c> → <c>192-168-1-98</c>.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        }

        return sb.ToString().Trim('-');
    }

    /// <summary>A config key name from an environment variable name: <c>HARBOR_ADMIN_PASSWORD</c> → <c>harborAdminPassword</c>.</summary>
    public static string ConfigKeyFromVariable(string variable)
    {
        var parts = variable.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            sb.Append(i == 0 ? parts[i] : char.ToUpperInvariant(parts[i][0]) + parts[i][1..]);
        }

        return sb.ToString();
    }
}
