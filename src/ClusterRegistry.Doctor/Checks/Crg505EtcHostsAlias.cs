using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>CRG505: <c>/etc/hosts</c> lacks an alias a mirror endpoint needs, or maps it to another address.</summary>
public sealed class Crg505EtcHostsAlias : INodeCheck
{
    public string Id => "CRG505";

    public string Title => "/etc/hosts lacks or misroutes an endpoint alias";

    public IEnumerable<NodeFinding> Run(DoctorContext context)
    {
        if (context.Expected.EtcHosts is not { } expected)
        {
            yield break;
        }

        // The names the node view's endpoints dial that the node view resolves through /etc/hosts.
        var names = context.Expected.HostsFiles.Values
            .Where(p => p.File is not null)
            .SelectMany(p => p.File!.Hosts.Concat(p.File.Server is null ? [] : [p.File.Server]))
            .Select(h => HostName(h.Host))
            .Where(n => expected.AddressesOf(n).Count > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var want = expected.AddressesOf(name)[0];
            var have = context.Actual.EtcHosts?.AddressesOf(name) ?? [];
            if (have.Count > 0 && have[0] == want)
            {
                continue;
            }

            var seen = context.Actual.Snapshot.EtcHosts is null
                ? $"the node has no {NodePaths.EtcHosts}"
                : have.Count == 0
                    ? $"{NodePaths.EtcHosts} has no entry for {name} (expected {want} {name})"
                    : $"{NodePaths.EtcHosts} maps {name} to {have[0]}, expected {want}";
            yield return new NodeFinding(
                Id,
                $"etc-hosts/{name}",
                seen,
                $"containerd runs in the host network and cannot resolve Service names: without the alias {name} does not resolve, with another address " +
                "pulls dial a stale or wrong IP; either way every pull waits on that endpoint before falling back (\"pull hangs or is slow\").",
                $"Add or correct the host entry {want} {name} (machine.network.extraHostEntries, or a StaticHostConfig from Talos 1.12); " +
                "the address must be the Harbor Service's pinned ClusterIP.");
        }
    }

    private static string HostName(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var end = hostPort.IndexOf(']');
            return end > 0 ? hostPort[1..end] : hostPort;
        }

        var colon = hostPort.LastIndexOf(':');
        return colon > 0 ? hostPort[..colon] : hostPort;
    }
}
