using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ClusterRegistry.Rendering.Yaml;

/// <summary>
/// Emits <see cref="YamlMap"/> documents with YamlDotNet's emitter: block style, 2-space indentation with indented
/// sequences, literal blocks for multi-line strings, quotes only where a plain scalar would not read back as the same
/// string, "\n" line endings. Same input, same bytes.
/// </summary>
public static partial class YamlWriter
{
    /// <summary>One document (no <c>---</c> marker).</summary>
    public static string Write(YamlMap document) => WriteAll([document]);

    /// <summary>Several documents separated by <c>---</c> lines.</summary>
    public static string WriteAll(IReadOnlyList<YamlMap> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(sw, new EmitterSettings(2, int.MaxValue, false, 1024, false, true));
        emitter.Emit(new StreamStart());
        for (var i = 0; i < documents.Count; i++)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: i == 0));
            EmitValue(emitter, documents[i]);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
        return sw.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void EmitValue(IEmitter emitter, object value)
    {
        switch (value)
        {
            case YamlMap map:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (k, v) in map)
                {
                    EmitString(emitter, k);
                    EmitValue(emitter, v);
                }

                emitter.Emit(new MappingEnd());
                break;
            case string s:
                EmitString(emitter, s);
                break;
            case bool b:
                emitter.Emit(new Scalar(null, null, b ? "true" : "false", ScalarStyle.Plain, true, false));
                break;
            case int or long:
                emitter.Emit(new Scalar(null, null, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
                break;
            case double d:
                emitter.Emit(new Scalar(null, null, d.ToString("R", CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
                break;
            case System.Collections.IEnumerable list:
                var items = list.Cast<object?>().Where(o => o is not null).ToList();
                emitter.Emit(new SequenceStart(null, null, true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in items)
                {
                    EmitValue(emitter, item!);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new NotSupportedException($"cannot emit a {value.GetType().Name} as YAML");
        }
    }

    private static void EmitString(IEmitter emitter, string s)
    {
        ScalarStyle style;
        if (s.Contains('\n'))
        {
            style = s.Any(c => c != '\n' && c != '\t' && char.IsControl(c)) || s.Split('\n').Any(l => l.EndsWith(' ')) ? ScalarStyle.DoubleQuoted : ScalarStyle.Literal;
        }
        else if (NeedsQuotes(s))
        {
            style = ScalarStyle.DoubleQuoted;
        }
        else
        {
            style = ScalarStyle.Any;
        }

        emitter.Emit(new Scalar(null, null, s, style, true, true));
    }

    /// <summary>True when a plain scalar would resolve to something other than this string (YAML 1.1 and 1.2 core).</summary>
    private static bool NeedsQuotes(string s) =>
        s.Length == 0 || s != s.Trim() || NonString().IsMatch(s);

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?|<<|=)$")]
    private static partial Regex NonString();
}
