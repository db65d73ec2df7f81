using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG107: a mirrored registry has a port and Talos also writes a hosts dir for it (named <c>host_port_</c>).</summary>
public sealed class Crg107RegistryWithPort : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg107, "Mirrored registry with a port: Talos and Spegel name its dir differently", RuleSeverity.Warning, "Spegel",
        "Talos names the dir host_port_, Spegel host:port; containerd prefers host_port_, so pulls bypass Spegel and prependExisting finds nothing.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            for (var i = 0; i < sp.MirroredRegistries.Count; i++)
            {
                var e = sp.MirroredRegistries[i];
                if (!e.TryGet(out var text) || !RegistryUrl.TryParse(text, out var entry) || entry.IsWildcard || entry.Url!.Port is null)
                {
                    continue;
                }

                var key = entry.Url.HostPort;
                var talos = TalosDirFor(s, key);
                if (talos is null)
                {
                    continue;
                }

                yield return Report(sp, Topo.Index("MirroredRegistries", i),
                    $"MirroredRegistries entry '{text}' has a port: Spegel writes its hosts.toml to '{key}/' but {talos.Label} makes Talos write '{HostPort.TalosDirectoryName(key)}/', which containerd prefers, so pulls bypass Spegel and PrependExisting finds nothing to keep",
                    First(e.Location, sp.MirroredRegistries.Location));
            }
        }
    }

    /// <summary>The patch that makes Talos write a hosts dir for <paramref name="key"/> (a mirror, or TLS settings), or null.</summary>
    private static TalosPatchInfo? TalosDirFor(TopologySnapshot s, string key)
    {
        foreach (var p in s.TalosPatches)
        {
            foreach (var m in p.Mirrors)
            {
                if (m.Key.TryGet(out var k) && Topo.SameHost(k, key))
                {
                    return p;
                }
            }

            foreach (var rc in p.RegistryConfigs)
            {
                if (rc.Key.TryGet(out var k) && Topo.SameHost(k, key) && rc.Tls.TryGet(out var tls) && tls is not null)
                {
                    return p;
                }
            }
        }

        return null;
    }
}
