namespace ClusterRegistry.Cli.Verbs;

/// <summary><c>preview --stack NAME [--json]</c>: <c>pulumi preview --stack NAME --diff</c> where the pulumi CLI exists.</summary>
public sealed class PreviewVerb : IVerb
{
    public string Name => "preview";

    public string Summary => "pulumi preview --diff for the stack (needs the pulumi CLI) [--json]";

    public Task<int> RunAsync(VerbContext context) =>
        Task.FromResult(PulumiWrapper.Run(context, "preview", new[] { "json" },
            cl => cl.Flag("json") ? new[] { "--diff", "--json" } : new[] { "--diff" }));
}
