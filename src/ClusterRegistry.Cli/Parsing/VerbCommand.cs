using System.CommandLine;

namespace ClusterRegistry.Cli.Parsing;

/// <summary>
/// A verb or sub-verb as System.CommandLine sees it, plus what its exit codes mean, which <c>--help</c> prints after the
/// options (<see cref="HelpWithExitCodesAction"/>). The codes are always <see cref="ExitCodes"/>; only their meaning is
/// per verb.
/// </summary>
public sealed class VerbCommand : Command
{
    public VerbCommand(string name, string description, string ok, string findings, string badInput)
        : base(name, description)
    {
        ExitCodeMeanings = [(ExitCodes.Ok, ok), (ExitCodes.Findings, findings), (ExitCodes.BadInput, badInput)];
    }

    /// <summary>A verb that never exits 1.</summary>
    public VerbCommand(string name, string description, string ok, string badInput)
        : base(name, description)
    {
        ExitCodeMeanings = [(ExitCodes.Ok, ok), (ExitCodes.BadInput, badInput)];
    }

    /// <summary>Each exit code the verb can return with what it means for this verb.</summary>
    public IReadOnlyList<(int Code, string Meaning)> ExitCodeMeanings { get; }
}
