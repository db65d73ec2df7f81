using ClusterRegistry.Doctor.Nodes;
using ClusterRegistry.Rendering.NodeView;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Doctor;

/// <summary>The expected side of a doctor run: the node view the stack renders for one node (secrets stay <c>${VAR}</c>).</summary>
public static class StackNodeView
{
    /// <summary>Builds the <see cref="DoctorRequest"/> for <paramref name="nodeIp"/> of <paramref name="stack"/>.</summary>
    /// <exception cref="StackDefinitionException">The node is not one of the stack's Talos nodes.</exception>
    public static async Task<DoctorRequest> RequestForAsync(Stack stack, string nodeIp, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var nodes = stack.ResourcesOf<TalosMachinePatch>().SelectMany(p => p.Args.Nodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (!nodes.Contains(nodeIp, StringComparer.Ordinal))
        {
            throw new StackDefinitionException(stack.Name, "node", nodeIp,
                nodes.Length == 0 ? "the stack has no Talos nodes to compare with" : $"not a node of the stack's Talos patches ({string.Join(", ", nodes)})");
        }

        var files = NodeViewRenderer.RenderNode(stack, nodeIp);
        var expected = await NodeSnapshot.ReadAsync(new InMemoryNodeReader(files, $"node view of {nodeIp} in stack '{stack.Name}'"), includeIngest: false, cancellation);
        return new DoctorRequest
        {
            Stack = stack.Name,
            Node = nodeIp,
            Expected = expected,
            SpegelDeclared = stack.ResourcesOf<SpegelRelease>().Any(),
        };
    }
}
