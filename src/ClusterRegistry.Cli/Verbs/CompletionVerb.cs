using System.CommandLine;
using ClusterRegistry.Cli.Completion;
using ClusterRegistry.Cli.Parsing;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>completion bash [--name NAME]</c>: prints the bash completion script (<see cref="BashCompletionScript"/>); load it with
/// <c>source &lt;(PROGRAM completion bash)</c>. Other shells can use dotnet-suggest, which calls the same <c>[suggest]</c> directive.
/// </summary>
public sealed class CompletionVerb : IVerb
{
    public string Name => "completion";

    public string Summary => "print the shell completion script: completion bash (load with: source <(PROGRAM completion bash))";

    public Command CreateCommand(VerbContext context)
    {
        var name = CliOptions.Text("--name", "NAME", $"the command to complete (default: {RootCommand.ExecutableName})");
        var bash = new VerbCommand("bash", "print the bash completion script", ok: "printed", badInput: "bad input") { name };
        bash.SetAction(result =>
        {
            context.Out.Write(BashCompletionScript.For(result.GetValue(name) ?? RootCommand.ExecutableName));
            return ExitCodes.Ok;
        });
        return new VerbCommand(Name, Summary, ok: "see the sub-verb", badInput: "no or an unknown shell") { bash };
    }
}
