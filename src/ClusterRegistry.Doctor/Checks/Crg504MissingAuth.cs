using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>CRG504: cri.toml has no auth for an endpoint host the stack gives credentials (the seed's "unauthorized" check).</summary>
public sealed class Crg504MissingAuth : INodeCheck
{
    public string Id => "CRG504";

    public string Title => "cri.toml has no auth for an endpoint host that needs it";

    public IEnumerable<NodeFinding> Run(DoctorContext context)
    {
        if (context.Expected.Cri is not { } expected)
        {
            yield break;
        }

        var actual = context.Actual.Cri;
        var present = actual is null || actual.AuthHosts.Count == 0 ? "none" : string.Join(", ", actual.AuthHosts);
        foreach (var host in expected.AuthHosts)
        {
            if (actual is not null && actual.AuthHosts.Contains(host))
            {
                continue;
            }

            var seen = context.Actual.Snapshot.CriToml is null
                ? $"the node has no {NodePaths.CriToml}"
                : actual is null
                    ? $"{NodePaths.CriToml} does not parse ({context.Actual.CriError})"
                    : $"{NodePaths.CriToml} has no registry.configs.\"{host}\".auth (auth present for: {present})";
            yield return new NodeFinding(
                Id,
                $"auth/{host}",
                seen,
                $"containerd looks credentials up by the host it dials ({host}); without them Harbor answers 401 and then issues an anonymous token, " +
                "which reads only public projects: private images end in ImagePullBackOff with \"unauthorized\".",
                $"Give {host} the pull robot's credentials in the Talos config (machine.registries.config.\"{host}\".auth, or a RegistryAuthConfig named {host}) " +
                "and apply it; before Talos 1.14 a cri.toml auth change needs a reboot.");
        }
    }
}
