using System.CommandLine;
using ClusterRegistry.Cli.Parsing;
using ClusterRegistry.Doctor.Sandbox;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>sandbox apply --stack NAME --node IP --root DIR</c>: writes the stack's node view for one node into a private
/// containerd root (containerd 1.6 keys, secrets from the environment). <c>./sandbox.sh</c> runs it before starting
/// containerd on that root.
/// </summary>
public sealed class SandboxVerb : IVerb
{
    public string Name => "sandbox";

    public string Summary => "apply --stack NAME --node IP --root DIR: write a node view into a sandbox containerd root (used by ./sandbox.sh)";

    public Command CreateCommand(VerbContext context)
    {
        var stackOption = CliOptions.Stack(context.Catalog, "the stack whose node view to write (default: $PULUMI_STACK)");
        var node = CliOptions.Text("--node", "IP", "the node whose view to write", required: true);
        var root = CliOptions.Text("--root", "DIR", "the sandbox containerd root to write into", required: true);
        var apply = new VerbCommand("apply", "write the stack's node view for one node into a sandbox containerd root",
            ok: "applied",
            badInput: "bad input or an unknown node")
        {
            stackOption, node, root,
        };
        apply.SetAction(result =>
        {
            var stack = context.BuildStack(result.GetValue(stackOption));
            var layout = SandboxNode.Apply(stack, result.GetValue(node)!, result.GetValue(root)!);
            context.Out.WriteLine($"node view of {result.GetValue(node)} applied to {layout.Root}");
            context.Out.WriteLine($"  containerd config (cri.toml): {layout.CriToml}");
            context.Out.WriteLine($"  hosts dir: {layout.HostsDirectory}");
            context.Out.WriteLine($"  socket: {layout.Socket}");
            return ExitCodes.Ok;
        });
        return new VerbCommand(Name, Summary, ok: "see the sub-verb", badInput: "no or an unknown sub-verb") { apply };
    }
}
