using System.CommandLine;
using ClusterRegistry.Cli.Parsing;

namespace ClusterRegistry.Cli.Verbs;

/// <summary><c>preview --stack NAME [--json]</c>: <c>pulumi preview --stack NAME --diff</c> where the pulumi CLI exists.</summary>
public sealed class PreviewVerb : IVerb
{
    public string Name => "preview";

    public string Summary => "pulumi preview --diff for the stack (needs the pulumi CLI) [--json]";

    public Command CreateCommand(VerbContext context) =>
        PulumiWrapper.Create(context, this, "preview", CliOptions.Flag("--json", "pulumi preview --json (machine-readable)"), ["--json"]);
}
