using ClusterRegistry.Doctor.Containerd;
using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>
/// CRG508: <c>hosts/_backup</c> holds a registry the stack mirrors and Spegel did not bring it back: the live directory
/// is gone, or it lacks the backed-up file's endpoints (not prepended).
/// </summary>
public sealed class Crg508MirrorInBackup : INodeCheck
{
    public string Id => "CRG508";

    public string Title => "mirrored registry left in _backup";

    public IEnumerable<NodeFinding> Run(DoctorContext context)
    {
        foreach (var dir in context.ExpectedDirs)
        {
            if (dir == HostDirectoryName.Default || !context.Actual.BackupFiles.TryGetValue(dir, out var backup))
            {
                continue;
            }

            string seen;
            if (context.MovedToBackup(dir))
            {
                seen = $"{NodePaths.HostsDir}/{dir} is missing and its file sits in {NodePaths.BackupDir}/{dir}/hosts.toml";
            }
            else
            {
                var live = context.Actual.HostsFiles[dir].File;
                var backedUp = backup.File?.Hosts ?? [];
                var lost = live is null ? [] : backedUp.Where(b => !live.Hosts.Any(h => h.MatchKey == b.MatchKey)).ToArray();
                if (lost.Length == 0)
                {
                    continue;
                }

                seen = $"{NodePaths.HostsDir}/{dir}/hosts.toml lacks {string.Join(", ", lost.Select(h => h.Url))} from {NodePaths.BackupDir}/{dir}/hosts.toml (not prepended)";
            }

            var registry = HostDirectoryName.ToRegistry(dir);
            yield return new NodeFinding(
                Id,
                $"hosts/_backup/{dir}",
                seen,
                $"containerd never reads _backup: the Talos mirror for {registry} (its in-cluster endpoint, scheme and auth host) no longer applies, so pulls go " +
                "to Spegel and the registry's own address only.",
                $"Keep PrependExisting = true and list \"<scheme>://{registry}\" in SpegelArgs.MirroredRegistries, then `kubectl rollout restart ds/spegel -n kube-system` " +
                "so Spegel's init container rewrites the directory with the backed-up endpoints after its own.");
        }
    }
}
