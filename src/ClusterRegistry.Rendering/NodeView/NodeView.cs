namespace ClusterRegistry.Rendering.NodeView;

/// <summary>
/// The files Talos and Spegel leave on each node: per node IP, a <see cref="RenderedTree"/> of paths relative to the
/// node's root (<c>etc/cri/conf.d/hosts/192.168.1.105/hosts.toml</c>, <c>etc/cri/conf.d/cri.toml</c>, <c>etc/hosts</c>, …).
/// </summary>
public sealed class NodeView
{
    public NodeView(IReadOnlyDictionary<string, RenderedTree> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        Nodes = new SortedDictionary<string, RenderedTree>(nodes.ToDictionary(k => k.Key, v => v.Value), StringComparer.Ordinal);
    }

    /// <summary>Node IP → that node's files, sorted by IP (ordinal).</summary>
    public IReadOnlyDictionary<string, RenderedTree> Nodes { get; }

    /// <summary>All nodes in one tree, each under its IP (below <paramref name="prefix"/>): <c>192.168.1.98/etc/hosts</c>.</summary>
    public RenderedTree ToTree(string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var tree = new RenderedTree();
        var p = prefix.TrimEnd('/');
        foreach (var (node, files) in Nodes)
        {
            tree.AddAll(files, p.Length == 0 ? node : p + "/" + node);
        }

        return tree;
    }
}
