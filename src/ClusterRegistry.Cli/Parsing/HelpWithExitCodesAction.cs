using System.CommandLine;
using System.CommandLine.Invocation;

namespace ClusterRegistry.Cli.Parsing;

/// <summary>
/// The <c>--help</c> action: System.CommandLine's own help (description, usage, arguments, options, sub-verbs), then an
/// "Exit codes:" section with what 0, 1 and 2 mean for the verb asked about (<see cref="VerbCommand.ExitCodeMeanings"/>;
/// the root lists the contract shared by every verb).
/// </summary>
internal sealed class HelpWithExitCodesAction(SynchronousCommandLineAction help, IReadOnlyList<(int Code, string Meaning)> rootExitCodes)
    : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exit = help.Invoke(parseResult);
        var codes = parseResult.CommandResult.Command is VerbCommand verb ? verb.ExitCodeMeanings : rootExitCodes;
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in codes)
        {
            output.WriteLine($"  {code}  {meaning}");
        }

        output.WriteLine();
        return exit;
    }
}
