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

    public Task<int> RunAsync(VerbContext context)
    {
        var cl = new CommandLine(context.Args);
        cl.AllowOnly("stack", "node", "root");
        if (cl.Positionals is not ["apply"])
        {
            throw new UsageException("usage: sandbox apply --stack NAME --node IP --root DIR");
        }

        var stack = context.BuildStack(cl);
        var layout = SandboxNode.Apply(stack, cl.Require("node"), cl.Require("root"));
        context.Out.WriteLine($"node view of {cl.Require("node")} applied to {layout.Root}");
        context.Out.WriteLine($"  containerd config (cri.toml): {layout.CriToml}");
        context.Out.WriteLine($"  hosts dir: {layout.HostsDirectory}");
        context.Out.WriteLine($"  socket: {layout.Socket}");
        return Task.FromResult(ExitCodes.Ok);
    }
}
