using System.Globalization;
using System.Text;

namespace ClusterRegistry.Rendering.Toml;

/// <summary>
/// Encodes a <see cref="TomlMap"/> byte for byte the way pelletier/go-toml v2 <c>Encoder</c> does, which is what Talos
/// (hosts.toml parts, cri.toml) and Spegel (re-encoded backup hosts) write: a table's key/values first, then its
/// sub-tables (a blank line before the first sub-table when key/values were written, and between sub-tables),
/// single-quoted literal strings where possible, bare keys where possible, inline arrays joined by <c>", "</c>, and
/// optionally 2-space indentation per table level (<c>SetIndentTables(true)</c>).
/// </summary>
public static class GoTomlEncoder
{
    public static string Encode(TomlMap root, bool indentTables)
    {
        ArgumentNullException.ThrowIfNull(root);
        var sb = new StringBuilder();
        EncodeTable(sb, root, new List<string>(), indent: 0, indentTables, isRoot: true);
        return sb.ToString();
    }

    /// <summary>Encodes <paramref name="table"/> as the table at <paramref name="path"/> (its header line first).</summary>
    public static string EncodeTableAt(TomlMap table, IReadOnlyList<string> path, bool indentTables)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        EncodeTable(sb, table, path.ToList(), indent: 0, indentTables, isRoot: false);
        return sb.ToString();
    }

    private static void EncodeTable(StringBuilder sb, TomlMap table, List<string> path, int indent, bool indentTables, bool isRoot)
    {
        if (!isRoot)
        {
            Indent(sb, indent);
            sb.Append('[');
            for (var i = 0; i < path.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append('.');
                }

                sb.Append(EncodeKey(path[i]));
            }

            sb.Append("]\n");
            if (indentTables)
            {
                indent++;
            }
        }

        var hasKv = false;
        foreach (var (key, value) in table)
        {
            if (value is TomlMap)
            {
                continue;
            }

            hasKv = true;
            Indent(sb, indent);
            sb.Append(EncodeKey(key)).Append(" = ");
            EncodeValue(sb, value);
            sb.Append('\n');
        }

        var first = true;
        foreach (var (key, value) in table)
        {
            if (value is not TomlMap sub)
            {
                continue;
            }

            if (!first || hasKv)
            {
                sb.Append('\n');
            }

            first = false;
            path.Add(key);
            EncodeTable(sb, sub, path, indent, indentTables, isRoot: false);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static void Indent(StringBuilder sb, int indent) => sb.Append(' ', indent * 2);

    /// <summary>A key as go-toml writes it: bare when it only has A-Za-z0-9_-, else literal-quoted, else basic-quoted.</summary>
    public static string EncodeKey(string key)
    {
        if (key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return key;
        }

        return EncodeString(key);
    }

    /// <summary>A string as go-toml writes it: <c>'literal'</c> unless it holds a quote or control character.</summary>
    public static string EncodeString(string s)
    {
        if (!s.Any(c => c is '\'' or '\r' or '\n' || char.IsControl(c) || c == '\u007f'))
        {
            return "'" + s + "'";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsControl(c) || c == '\u007f')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static void EncodeValue(StringBuilder sb, object value)
    {
        switch (value)
        {
            case string s:
                sb.Append(EncodeString(s));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long or int:
                sb.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(FormatDouble(d));
                break;
            case System.Collections.IEnumerable list:
                sb.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    EncodeValue(sb, item!);
                }

                sb.Append(']');
                break;
            default:
                throw new NotSupportedException($"cannot encode a {value.GetType().Name} as TOML");
        }
    }

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }
}
