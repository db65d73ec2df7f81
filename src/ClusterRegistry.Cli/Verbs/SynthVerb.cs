using ClusterRegistry.Rendering;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>synth --stack NAME --target gitops|node|all --out DIR</c>: validates the stack, renders the target and moves the
/// finished tree into DIR. On bad input it exits 2 naming resource, property and value, and leaves DIR untouched.
/// </summary>
public sealed class SynthVerb : IVerb
{
    public string Name => "synth";

    public string Summary => "render the GitOps tree (--target gitops), the node view (node) or both (all) into --out DIR";

    public Task<int> RunAsync(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cl = new CommandLine(context.Args);
        cl.AllowOnly("stack", "target", "out");
        var targetText = cl.Get("target") ?? "all";
        if (!Synthesizer.TryParseTarget(targetText, out var target))
        {
            throw new UsageException($"--target must be gitops, node or all, not '{targetText}'");
        }

        var outDir = cl.Require("out");
        var stack = context.BuildStack(cl);
        var tree = Synthesizer.Synthesize(stack, target);
        FileTreeWriter.WriteAtomically(tree, outDir);
        context.Out.WriteLine($"synth: wrote {tree.Count} files for stack '{stack.Name}' ({targetText}) to {Path.GetFullPath(outDir)}");
        return Task.FromResult(ExitCodes.Ok);
    }
}
