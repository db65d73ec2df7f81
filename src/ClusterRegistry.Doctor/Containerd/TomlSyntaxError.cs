using Tomlyn;

namespace ClusterRegistry.Doctor.Containerd;

/// <summary>
/// Says where a node file stops being TOML without quoting it. Tomlyn's own message shows the offending text, and a node
/// file may be anything (a copied root can hold credentials, or a link someone pointed at <c>/etc/shadow</c>): a finding
/// names the line and column, never the content.
/// </summary>
public static class TomlSyntaxError
{
    /// <summary>The content-free text for a parse failure, or null when <paramref name="error"/> is not a TOML syntax error.</summary>
    public static string? Describe(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is TomlException toml)
            {
                return toml.Line is { } line
                    ? $"not valid TOML at line {line}, column {toml.Column ?? 0}"
                    : "not valid TOML";
            }
        }

        return null;
    }
}
