using ClusterRegistry.Rendering;
using ClusterRegistry.Rendering.NodeView;

namespace ClusterRegistry.Doctor.Sandbox;

/// <summary>
/// Applies a stack's node view to a sandbox node: the files Talos and Spegel would leave on the node, translated by the
/// <see cref="Containerd16Config"/> to the CRI keys of the sandbox's containerd 1.6, secrets resolved from the
/// environment. Written through <see cref="AtomicFile.WriteFolder"/> (a temporary folder swapped into place), so a failure
/// leaves nothing half-written and the previous node as it was.
/// </summary>
public static class SandboxNode
{
    /// <summary>The node view of <paramref name="nodeIp"/> translated for a containerd 1.6 running on <paramref name="layout"/>.</summary>
    public static Containerd16Sandbox Translate(Stack stack, string nodeIp, SandboxNodeLayout layout, Func<string, string?>? secretLookup = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(layout);
        var view = NodeViewRenderer.RenderNode(stack, nodeIp);
        return Containerd16Config.Translate(
            view.ToDictionary(kv => "/" + kv.Key, kv => kv.Value, StringComparer.Ordinal), layout.ToContainerdPaths(), secretLookup ?? Environment.GetEnvironmentVariable);
    }

    /// <summary>Writes the node's files under <paramref name="root"/> (replacing what was there) and returns the layout.</summary>
    public static SandboxNodeLayout Apply(Stack stack, string nodeIp, string root, Func<string, string?>? secretLookup = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var layout = new SandboxNodeLayout(Path.GetFullPath(root));
        var view = NodeViewRenderer.RenderNode(stack, nodeIp);

        // The translator bakes absolute paths into the config: give it the final ones.
        var sandbox = Translate(stack, nodeIp, layout, secretLookup);
        AtomicFile.WriteFolder(layout.Root, temp =>
        {
            var tempLayout = new SandboxNodeLayout(temp);

            // Every other file of the node view (the CRI parts), as Talos leaves it.
            foreach (var (path, content) in view)
            {
                if (path.StartsWith("etc/cri/conf.d/hosts/", StringComparison.Ordinal) || path is "etc/cri/conf.d/cri.toml" or "etc/hosts")
                {
                    continue;
                }

                Write(Path.Combine(temp, path), content);
            }

            foreach (var (rel, content) in sandbox.HostsFiles)
            {
                Write(Path.Combine(tempLayout.HostsDirectory, rel), content);
            }

            Write(tempLayout.CriToml, sandbox.ConfigToml);
            Write(tempLayout.EtcHosts, sandbox.EtcHosts);
            Directory.CreateDirectory(Path.Combine(tempLayout.ContainerdRoot, "io.containerd.content.v1.content/ingest"));
            Directory.CreateDirectory(tempLayout.ContainerdState);
        });
        return layout;
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
