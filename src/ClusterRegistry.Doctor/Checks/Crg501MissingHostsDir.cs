using ClusterRegistry.Doctor.Containerd;
using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>CRG501: a declared mirror has no <c>hosts/&lt;dir&gt;/hosts.toml</c> on the node.</summary>
public sealed class Crg501MissingHostsDir : INodeCheck
{
    public string Id => "CRG501";

    public string Title => "declared mirror has no hosts.toml on the node";

    public IEnumerable<NodeFinding> Run(DoctorContext context)
    {
        var present = context.Actual.HostsFiles.Where(kv => kv.Value.Exists).Select(kv => kv.Key).ToArray();
        var listing = context.Actual.Snapshot.HostsDirs is null
            ? $"the node has no {NodePaths.HostsDir} directory at all"
            : present.Length == 0 ? $"{NodePaths.HostsDir} holds no hosts.toml" : $"{NodePaths.HostsDir} holds: {string.Join(", ", present)}";
        foreach (var dir in context.ExpectedDirs)
        {
            if (context.Actual.HostsFiles.TryGetValue(dir, out var h) && h.Exists)
            {
                continue;
            }

            if (context.MovedToBackup(dir))
            {
                continue; // CRG508 names the precise cause.
            }

            var registry = HostDirectoryName.ToRegistry(dir);
            yield return new NodeFinding(
                Id,
                $"hosts/{dir}",
                $"no {NodePaths.HostsDir}/{dir}/hosts.toml; {listing}",
                $"containerd finds no host configuration for {registry}: it skips the mirror endpoints and pulls from {registry} itself over https " +
                "(or through _default when that exists), so the in-cluster endpoint, its http scheme and its auth do not apply and pulls fail or go the slow way.",
                "Re-apply the Talos machine config (talosctl apply-config, or `task talos:apply-node IP=<node>`) so Talos writes the directory again, " +
                "then `kubectl rollout restart ds/spegel -n kube-system` so Spegel prepends its mirrors; `synth --target node` shows the expected file.");
        }
    }
}
