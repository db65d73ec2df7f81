using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.NodeView;
using ClusterRegistry.Validation;

namespace ClusterRegistry.Rendering;

/// <summary>Validates a stack and renders the requested target into one <see cref="RenderedTree"/> (what <c>synth</c> writes).</summary>
public static class Synthesizer
{
    /// <exception cref="StackDefinitionException">The stack has an invalid value (resource, property and value named).</exception>
    public static RenderedTree Synthesize(Stack stack, SynthTarget target)
    {
        ArgumentNullException.ThrowIfNull(stack);
        StackValidator.Validate(stack);
        switch (target)
        {
            case SynthTarget.GitOps:
                return GitOpsRenderer.Render(stack);
            case SynthTarget.Node:
                return NodeViewRenderer.Render(stack).ToTree();
            default:
                var tree = new RenderedTree();
                tree.AddAll(GitOpsRenderer.Render(stack), "gitops");
                tree.AddAll(NodeViewRenderer.Render(stack).ToTree(), "nodes");
                return tree;
        }
    }

    /// <summary>Parses <c>gitops|node|all</c>.</summary>
    public static bool TryParseTarget(string? text, out SynthTarget target)
    {
        switch (text)
        {
            case "gitops":
                target = SynthTarget.GitOps;
                return true;
            case "node" or "nodes":
                target = SynthTarget.Node;
                return true;
            case "all":
                target = SynthTarget.All;
                return true;
            default:
                target = default;
                return false;
        }
    }
}
