using System.CommandLine;
using System.CommandLine.Invocation;

namespace ClusterRegistry.Cli.Parsing;

/// <summary>
/// Turns a failed parse into the CLI's one error line (exit 2): the first problem, naming the option and the value, and
/// for a misspelled option or verb the names System.CommandLine's typo correction suggests.
/// </summary>
internal static class ParseErrorLine
{
    public static string For(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var where = CommandPath(result);
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = command is RootCommand
                ? result.UnmatchedTokens[0]
                : result.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-')) ?? result.UnmatchedTokens[0];
            var what = token.StartsWith('-') ? $"unknown option '{token}'{(command is RootCommand ? "" : " for " + where)}"
                : command is RootCommand ? $"unknown verb '{token}'"
                : $"unexpected argument '{token}' for {where}";
            var suggestions = Suggestions(result, token);
            var hint = suggestions.Count > 0 ? $"; did you mean {string.Join(" or ", suggestions)}?" : "";
            return $"{what}{hint} (see '{See(result, where)}')";
        }

        return result.Errors.Count > 0 ? result.Errors[0].Message : $"cannot parse the arguments (see '{See(result, where)}')";
    }

    /// <summary>The verb as typed, e.g. <c>probe history</c> (empty for the root).</summary>
    internal static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (var r = result.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (r.Command is not RootCommand)
            {
                names.Insert(0, r.Command.Name);
            }
        }

        return string.Join(' ', names);
    }

    /// <summary>The help to read: <c>PROGRAM VERB --help</c>.</summary>
    private static string See(ParseResult result, string where) =>
        where.Length == 0 ? $"{result.RootCommandResult.Command.Name} --help" : $"{result.RootCommandResult.Command.Name} {where} --help";

    /// <summary>
    /// The options and sub-verbs of the current verb that System.CommandLine's typo correction offers for
    /// <paramref name="token"/> (its Levenshtein ranking, <see cref="ParseErrorAction.ShowTypoCorrections"/>); its
    /// suggestion lines are recognised as the names of those symbols, so the wording of its messages does not matter.
    /// </summary>
    private static IReadOnlyList<string> Suggestions(ParseResult result, string token)
    {
        if (result.Action is not ParseErrorAction errorAction)
        {
            return [];
        }

        var names = result.CommandResult.Command.Children
            .SelectMany(s => s switch
            {
                Option o => o.Aliases.Prepend(o.Name),
                Command c => c.Aliases.Prepend(c.Name),
                _ => [],
            })
            .ToHashSet(StringComparer.Ordinal);
        errorAction.ShowHelp = false;
        errorAction.ShowTypoCorrections = true;
        var output = new StringWriter();
        result.Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        var suggestions = new List<string>();
        var inBlock = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                inBlock = false;
            }
            else if (line.Contains($"'{token}'", StringComparison.Ordinal))
            {
                inBlock = true; // the "'TOKEN' was not matched. Did you mean one of the following?" line, in any language
            }
            else if (inBlock && names.Contains(line))
            {
                suggestions.Add(line);
            }
            else
            {
                inBlock = false;
            }
        }

        return suggestions;
    }
}
