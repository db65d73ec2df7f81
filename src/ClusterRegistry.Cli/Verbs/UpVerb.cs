using System.CommandLine;
using ClusterRegistry.Cli.Parsing;

namespace ClusterRegistry.Cli.Verbs;

/// <summary><c>up --stack NAME [--yes]</c>: <c>pulumi up --stack NAME --diff</c> where the pulumi CLI exists.</summary>
public sealed class UpVerb : IVerb
{
    public string Name => "up";

    public string Summary => "pulumi up for the stack (needs the pulumi CLI) [--yes to skip the confirmation]";

    public Command CreateCommand(VerbContext context) =>
        PulumiWrapper.Create(context, this, "up", CliOptions.Flag("--yes", "skip pulumi's confirmation (pulumi up --yes)"), ["--yes"]);
}
