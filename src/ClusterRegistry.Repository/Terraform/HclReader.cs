using System.Text;

namespace ClusterRegistry.Repository.Terraform;

/// <summary>
/// A small reader for plain HCL (Terraform's native syntax): blocks with labels and attributes whose value is a literal
/// string, number or bool. Anything else — references, function calls, interpolation, lists, heredocs — is an expression
/// whose value is unknown (null). It never evaluates anything.
/// </summary>
public static class HclReader
{
    public static List<HclBlock> Read(string text, out string? error, out int errorLine)
    {
        var tokens = Tokenize(text, out error, out errorLine);
        var blocks = new List<HclBlock>();
        if (error is not null)
        {
            return blocks;
        }

        var pos = 0;
        try
        {
            ParseBody(tokens, ref pos, blocks, null, 0);
        }
        catch (FormatException e)
        {
            error = e.Message;
            errorLine = pos < tokens.Count ? tokens[pos].Line : 0;
        }

        return blocks;
    }

    private enum T
    {
        Ident,
        String,
        Other,
        Open,
        Close,
        Equals,
        Newline,
    }

    private readonly record struct Token(T Kind, string Text, int Line, bool Literal);

    private static void ParseBody(List<Token> tokens, ref int pos, List<HclBlock> blocks, HclBlock? owner, int depth)
    {
        if (depth > 32)
        {
            throw new FormatException("blocks nested deeper than 32 levels");
        }

        while (pos < tokens.Count)
        {
            var t = tokens[pos];
            if (t.Kind == T.Newline)
            {
                pos++;
                continue;
            }

            if (t.Kind == T.Close)
            {
                if (owner is null)
                {
                    throw new FormatException("unexpected '}'");
                }

                pos++;
                return;
            }

            if (t.Kind != T.Ident)
            {
                throw new FormatException($"unexpected '{t.Text}'");
            }

            pos++;
            if (pos < tokens.Count && tokens[pos].Kind == T.Equals)
            {
                pos++;
                var start = pos;
                var nesting = 0;
                while (pos < tokens.Count && (nesting > 0 || (tokens[pos].Kind != T.Newline && tokens[pos].Kind != T.Close)))
                {
                    nesting += tokens[pos].Kind == T.Open ? 1 : tokens[pos].Kind == T.Close ? -1 : 0;
                    if (tokens[pos].Text is "[" or "(")
                    {
                        nesting++;
                    }
                    else if (tokens[pos].Text is "]" or ")")
                    {
                        nesting--;
                    }

                    pos++;
                }

                var literal = pos - start == 1 && tokens[start].Literal ? tokens[start].Text : null;
                owner?.Attributes.TryAdd(t.Text, (literal, t.Line));
                if (literal is null && pos - start == 1 && !tokens[start].Literal && tokens[start].Text.Contains('.', StringComparison.Ordinal))
                {
                    owner?.References.TryAdd(t.Text, tokens[start].Text);
                }

                continue;
            }

            var block = new HclBlock { Type = t.Text, Line = t.Line };
            while (pos < tokens.Count && tokens[pos].Kind is T.String or T.Ident)
            {
                block.Labels.Add(tokens[pos].Text);
                pos++;
            }

            if (pos >= tokens.Count || tokens[pos].Kind != T.Open)
            {
                throw new FormatException($"expected '{{' after '{t.Text}'");
            }

            pos++;
            ParseBody(tokens, ref pos, block.Blocks, block, depth + 1);
            (owner?.Blocks ?? blocks).Add(block);
        }

        if (owner is not null)
        {
            throw new FormatException("missing '}'");
        }
    }

    private static List<Token> Tokenize(string s, out string? error, out int errorLine)
    {
        var list = new List<Token>();
        var line = 1;
        error = null;
        errorLine = 0;
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (c == '\n')
            {
                list.Add(new Token(T.Newline, "\n", line, false));
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#' || (c == '/' && i + 1 < s.Length && s[i + 1] == '/'))
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? s.Length : end + 2;
                for (var j = i; j < stop; j++)
                {
                    line += s[j] == '\n' ? 1 : 0;
                }

                i = stop;
            }
            else if (c == '<' && i + 1 < s.Length && s[i + 1] == '<')
            {
                // Heredoc: an expression; skip to its terminator line.
                var eol = s.IndexOf('\n', i);
                if (eol < 0)
                {
                    break;
                }

                var marker = s[(i + 2)..eol].Trim().TrimStart('-').Trim();
                i = eol + 1;
                line++;
                while (i < s.Length)
                {
                    var next = s.IndexOf('\n', i);
                    var content = (next < 0 ? s[i..] : s[i..next]).Trim();
                    i = next < 0 ? s.Length : next + 1;
                    line++;
                    if (content == marker)
                    {
                        break;
                    }
                }

                list.Add(new Token(T.Other, "<<heredoc", line, false));
                list.Add(new Token(T.Newline, "\n", line - 1, false));
            }
            else if (c == '"')
            {
                var sb = new StringBuilder();
                var interpolated = false;
                var startLine = line;
                i++;
                while (i < s.Length && s[i] != '"')
                {
                    if (s[i] == '\\' && i + 1 < s.Length)
                    {
                        sb.Append(s[i + 1] switch { 'n' => '\n', 't' => '\t', var x => x });
                        i += 2;
                        continue;
                    }

                    if (s[i] == '\n')
                    {
                        error = "unterminated string";
                        errorLine = startLine;
                        return list;
                    }

                    if ((s[i] == '$' || s[i] == '%') && i + 1 < s.Length && s[i + 1] == '{')
                    {
                        interpolated = true;
                        var depth = 0;
                        do
                        {
                            depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
                            i++;
                        }
                        while (i < s.Length && depth > 0 && s[i] != '\n');
                        continue;
                    }

                    sb.Append(s[i]);
                    i++;
                }

                i++;
                list.Add(new Token(T.String, sb.ToString(), startLine, !interpolated));
            }
            else if (c == '{')
            {
                list.Add(new Token(T.Open, "{", line, false));
                i++;
            }
            else if (c == '}')
            {
                list.Add(new Token(T.Close, "}", line, false));
                i++;
            }
            else if (c == '=' && !(i + 1 < s.Length && s[i + 1] == '='))
            {
                list.Add(new Token(T.Equals, "=", line, false));
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c == '_' || c == '-')
            {
                var start = i;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '-' or '.'))
                {
                    i++;
                }

                var word = s[start..i];
                var literal = word is "true" or "false" || double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
                list.Add(new Token(literal || !char.IsLetter(word[0]) && word[0] != '_' ? T.Other : T.Ident, word, line, literal));
                if (literal || word.Contains('.', StringComparison.Ordinal))
                {
                    list[^1] = list[^1] with { Kind = T.Other };
                }
            }
            else
            {
                list.Add(new Token(T.Other, c.ToString(), line, false));
                i++;
            }
        }

        return list;
    }
}
