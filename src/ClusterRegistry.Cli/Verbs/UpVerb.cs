namespace ClusterRegistry.Cli.Verbs;

/// <summary><c>up --stack NAME [--yes]</c>: <c>pulumi up --stack NAME --diff</c> where the pulumi CLI exists.</summary>
public sealed class UpVerb : IVerb
{
    public string Name => "up";

    public string Summary => "pulumi up for the stack (needs the pulumi CLI) [--yes to skip the confirmation]";

    public Task<int> RunAsync(VerbContext context) =>
        Task.FromResult(PulumiWrapper.Run(context, "up", new[] { "yes" },
            cl => cl.Flag("yes") ? new[] { "--diff", "--yes" } : new[] { "--diff" }));
}
