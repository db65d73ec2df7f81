using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.NodeView;
using ClusterRegistry.Rendering.Toml;
using ClusterRegistry.Talos;
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
        ValidateCriCustomizations(stack);
        switch (target)
        {
            case SynthTarget.GitOps:
                return GitOpsRenderer.Render(stack);
            case SynthTarget.Node:
                return NodeViewRenderer.Render(stack).ToTree();
            default:
                var tree = NodeViewRenderer.Render(stack).ToTree("nodes");
                tree.AddAll(GitOpsRenderer.Render(stack), "gitops");
                return tree;
        }
    }

    /// <summary>
    /// CRI customisations are merged into cri.toml on every node: content that is not TOML would make Talos (and the node
    /// view) fail, so it is bad input, reported before anything is rendered.
    /// </summary>
    private static void ValidateCriCustomizations(Stack stack)
    {
        foreach (var patch in stack.ResourcesOf<TalosMachinePatch>())
        {
            var parts = patch.Args.CriCustomizations.Select(c => ($"CriCustomizations[{c.Name}].Content", c.Content))
                .Concat(patch.Args.Files.Where(f => f.Path == TalosFile.CriCustomizationPath).Select(f => ("Files[" + f.Path + "].Content", f.Content)));
            foreach (var (property, content) in parts)
            {
                try
                {
                    TomlReader.Parse(content);
                }
                catch (FormatException e)
                {
                    throw new StackDefinitionException($"{patch.Kind} '{patch.Name}'", property, content, "expected TOML that Talos can merge into cri.toml: " + e.Message);
                }
            }
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
