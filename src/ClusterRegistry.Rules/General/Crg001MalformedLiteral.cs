using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.General;

/// <summary>CRG001: an IP, hostname, CIDR, URL, image reference, Talos version or registry key literal is malformed.</summary>
public sealed class Crg001MalformedLiteral : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg001, "Malformed IP, hostname, CIDR, URL or image reference", RuleSeverity.Error, "General",
        "A value that must be an IP address, host name, CIDR, http(s) URL, image reference or Talos version does not parse; the rendered configuration would be rejected or silently wrong.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var h in s.Harbors)
        {
            foreach (var f in Ip(h, "LoadBalancerIP", h.LoadBalancerIP))
            {
                yield return f;
            }

            foreach (var f in Ip(h, "ClusterIP", h.ClusterIP))
            {
                yield return f;
            }

            if (h.ServiceSubnet.TryGet(out var subnet) && subnet is not null && !Cidr.TryParse(subnet, out _))
            {
                yield return Report(h, "ServiceSubnet", $"ServiceSubnet '{subnet}' is not a CIDR such as 10.43.0.0/16", h.ServiceSubnet.Location);
            }

            if (h.ExternalUrl.TryGet(out var ext) && ext is not null && !EndpointUrl.TryParse(ext, out _, out var err))
            {
                yield return Report(h, "ExternalUrl", $"ExternalUrl '{ext}' is not an http(s) URL: {err}", h.ExternalUrl.Location);
            }
        }

        foreach (var p in s.TalosPatches)
        {
            if (p.TalosVersion.TryGet(out var tv) && !TalosVersionValue.TryParse(tv, out _))
            {
                yield return Report(p, "TalosVersion", $"TalosVersion '{tv}' is not a Talos version such as v1.11", p.TalosVersion.Location);
            }

            for (var i = 0; i < p.Nodes.Count; i++)
            {
                if (p.Nodes[i].TryGet(out var n) && IpAddress.Explain(n) is { } why)
                {
                    yield return Report(p, Topo.Index("Nodes", i), $"node '{n}' is not an IP address: {why}", p.Nodes[i].Location);
                }
            }

            for (var i = 0; i < p.HostEntries.Count; i++)
            {
                var e = p.HostEntries[i];
                var path = Topo.Index("ExtraHostEntries", i);
                if (e.Ip.TryGet(out var ip) && IpAddress.Explain(ip) is { } why)
                {
                    yield return Report(p, path + ".Ip", $"host entry IP '{ip}' is not an IP address: {why}", First(e.Ip.Location, e.Location));
                }

                for (var j = 0; j < e.Aliases.Count; j++)
                {
                    if (e.Aliases[j].TryGet(out var alias) && !HostName.IsValid(alias))
                    {
                        yield return Report(p, path + "." + Topo.Index("Aliases", j), $"host alias '{alias}' is not a valid host name", First(e.Aliases[j].Location, e.Location));
                    }
                }
            }

            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                var path = Topo.Entry("Mirrors", m.Key, i);
                if (m.Key.TryGet(out var key) && !MirrorKey.IsValid(key, out var problem, out var stripped) && stripped is null)
                {
                    if (!(key.IndexOf("://", System.StringComparison.Ordinal) >= 0 || key.IndexOf('/') >= 0))
                    {
                        yield return Report(p, path, $"mirror key '{key}' {problem}; keys are host[:port] or *", First(m.Key.Location, m.Location));
                    }
                }

                for (var j = 0; j < m.Endpoints.Count; j++)
                {
                    if (m.Endpoints[j].TryGet(out var ep) && !EndpointUrl.TryParse(ep, out _, out var err))
                    {
                        yield return Report(p, path + "." + Topo.Index("Endpoints", j), $"mirror endpoint '{ep}' is not an http(s) URL: {err}", First(m.Endpoints[j].Location, m.Location));
                    }
                }
            }

            for (var i = 0; i < p.RegistryConfigs.Count; i++)
            {
                var rc = p.RegistryConfigs[i];
                if (rc.Key.TryGet(out var key) && !MirrorKey.IsValid(key, out var problem, out var stripped) && stripped is null &&
                    !(key.IndexOf("://", System.StringComparison.Ordinal) >= 0 || key.IndexOf('/') >= 0))
                {
                    yield return Report(p, Topo.Entry("RegistryConfig", rc.Key, i), $"registry config key '{key}' {problem}; keys are the endpoint host[:port]", First(rc.Key.Location, rc.Location));
                }
            }
        }

        foreach (var sp in s.Spegels)
        {
            for (var i = 0; i < sp.AdditionalMirrorTargets.Count; i++)
            {
                if (sp.AdditionalMirrorTargets[i].TryGet(out var t) && !EndpointUrl.TryParse(t, out _, out var err))
                {
                    yield return Report(sp, Topo.Index("AdditionalMirrorTargets", i), $"mirror target '{t}' is not an http(s) URL: {err}", sp.AdditionalMirrorTargets[i].Location);
                }
            }
        }

        foreach (var pr in s.Probes)
        {
            if (pr.Image.TryGet(out var image) && !ImageReference.TryParse(image, out _, out var err))
            {
                yield return Report(pr, "Image", $"image reference '{image}' is malformed: {err}", pr.Image.Location);
            }
        }
    }

    private IEnumerable<Finding> Ip(ResourceInfo r, string property, Val<string?> value)
    {
        if (value.TryGet(out var ip) && ip is not null && IpAddress.Explain(ip) is { } why)
        {
            yield return Report(r, property, $"{property} '{ip}' is not an IP address: {why}", value.Location);
        }
    }
}
