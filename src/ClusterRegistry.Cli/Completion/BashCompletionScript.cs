using System.Text;

namespace ClusterRegistry.Cli.Completion;

/// <summary>
/// The bash completion script of a ClusterRegistry program. It asks the program itself what may come next through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive (the one dotnet-suggest calls, see
/// https://learn.microsoft.com/dotnet/standard/commandline/tab-completion), so verbs, sub-verbs, options, the values of
/// choice options (<c>--format</c>, <c>--via</c>) and the program's stack names complete exactly as the parser reads them;
/// where the program has nothing to offer (a path after <c>--out</c>) bash completes file names.
/// </summary>
public static class BashCompletionScript
{
    /// <summary>The script for the command <paramref name="commandName"/> (as typed, or its file name: bash looks up both).</summary>
    public static string For(string commandName)
    {
        var function = "_clusterregistry_complete_" + new string(commandName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var name = Quote(commandName);
        var script = new StringBuilder();
        script.Append("# bash completion for ").Append(commandName).Append(" (ClusterRegistry). Load it with:\n");
        script.Append("#   source <(").Append(commandName).Append(" completion bash)\n");
        script.Append(function).Append("()\n");
        script.Append("""
            {
                local program="${COMP_WORDS[0]}"
                local line="${COMP_LINE:0:COMP_POINT}"
                local rest="${line#"$program"}"
                rest="${rest#"${rest%%[![:space:]]*}"}"
                local IFS=$'\n'
                COMPREPLY=($(compgen -W "$("$program" "[suggest:${#rest}]" "$rest" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
            }

            """);
        script.Append("complete -o default -F ").Append(function).Append(' ').Append(name).Append('\n');
        return script.ToString();
    }

    private static string Quote(string word) =>
        word.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/') ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
