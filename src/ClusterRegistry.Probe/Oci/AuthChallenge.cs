using System.Text;

namespace ClusterRegistry.Probe.Oci;

/// <summary>
/// One <c>WWW-Authenticate</c> challenge (RFC 7235 / RFC 6750 §3). Parsing is quoted-string aware, like containerd's
/// <c>auth/parse.go</c>: scheme and keys are lower-cased, quoted values keep commas and spaces (<c>scope="repository:a:pull,push"</c>)
/// and honour <c>\</c> escapes, and several challenges in one header are split correctly.
/// </summary>
public sealed class AuthChallenge
{
    public AuthChallenge(string scheme, IReadOnlyDictionary<string, string> parameters)
    {
        Scheme = scheme;
        Parameters = parameters;
    }

    /// <summary>Lower-case scheme: <c>bearer</c>, <c>basic</c>, …</summary>
    public string Scheme { get; }

    /// <summary>Parameters by lower-case key.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    /// <summary>The <c>error</c> parameter (e.g. <c>invalid_token</c>, <c>insufficient_scope</c>), when present.</summary>
    public string? Error => Parameters.GetValueOrDefault("error");

    /// <summary>Parses every challenge of every header value, strongest first (Bearer, then Basic, then the rest).</summary>
    public static IReadOnlyList<AuthChallenge> Parse(IEnumerable<string> headerValues)
    {
        var all = new List<AuthChallenge>();
        foreach (var v in headerValues)
        {
            ParseOne(v, all);
        }

        return all.OrderBy(c => c.Scheme switch { "bearer" => 0, "digest" => 1, "basic" => 2, _ => 3 }).ToArray();
    }

    public static IReadOnlyList<AuthChallenge> Parse(string headerValue) => Parse([headerValue]);

    private static void ParseOne(string s, List<AuthChallenge> into)
    {
        var pos = 0;
        while (true)
        {
            SkipSeparators(s, ref pos);
            if (pos >= s.Length)
            {
                return;
            }

            var scheme = ReadToken(s, ref pos).ToLowerInvariant();
            if (scheme.Length == 0)
            {
                pos++; // not a token character; skip it rather than loop forever
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            while (true)
            {
                SkipSpaces(s, ref pos);
                while (pos < s.Length && s[pos] == ',')
                {
                    pos++;
                    SkipSpaces(s, ref pos);
                }

                if (pos >= s.Length)
                {
                    break;
                }

                var keyStart = pos;
                var key = ReadToken(s, ref pos);
                var afterKey = pos;
                SkipSpaces(s, ref pos);
                if (key.Length == 0 || pos >= s.Length || s[pos] != '=')
                {
                    // A token not followed by '=' starts the next challenge (or is a token68 we do not use).
                    pos = key.Length == 0 ? afterKey + 1 : keyStart;
                    break;
                }

                pos++; // '='
                SkipSpaces(s, ref pos);
                var value = pos < s.Length && s[pos] == '"' ? ReadQuoted(s, ref pos) : ReadToken(s, ref pos);
                parameters[key.ToLowerInvariant()] = value;
            }

            into.Add(new AuthChallenge(scheme, parameters));
        }
    }

    private static void SkipSpaces(string s, ref int pos)
    {
        while (pos < s.Length && (s[pos] == ' ' || s[pos] == '\t'))
        {
            pos++;
        }
    }

    private static void SkipSeparators(string s, ref int pos)
    {
        while (pos < s.Length && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == ','))
        {
            pos++;
        }
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~/:".Contains(c);

    private static string ReadToken(string s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && IsTokenChar(s[pos]))
        {
            pos++;
        }

        return s[start..pos];
    }

    private static string ReadQuoted(string s, ref int pos)
    {
        var sb = new StringBuilder();
        pos++; // opening quote
        while (pos < s.Length)
        {
            var c = s[pos++];
            if (c == '\\' && pos < s.Length)
            {
                sb.Append(s[pos++]);
            }
            else if (c == '"')
            {
                break;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public override string ToString() =>
        Scheme + " " + string.Join(",", Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}=\"{p.Value}\""));
}
