using System.CommandLine;
using ClusterRegistry.Cli;
using ClusterRegistry.Cli.Parsing;

namespace ClusterRegistry.Tool.Native;

/// <summary>A verb the native binary does not carry: says so in one line and exits 2 (<see cref="ExitCodes.BadInput"/>), whatever its arguments.</summary>
internal sealed class UnavailableVerb(string name) : IVerb
{
    public string Name => name;

    public string Summary => "not in the native binary (needs a stack: run the stacks program)";

    public Command CreateCommand(VerbContext context)
    {
        var command = new VerbCommand(name, Summary, ok: "never", badInput: "always: this verb is not in the native binary")
        {
            new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore, Hidden = true },
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(_ =>
        {
            context.Error.WriteLine(
                $"error: '{name}' is not available in the native clusterregistry binary, which carries only 'probe'; " +
                $"run it from the stacks program (e.g. ./artifacts/stacks/stacks {name} --stack NAME)");
            return ExitCodes.BadInput;
        });
        return command;
    }
}
