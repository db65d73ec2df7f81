using System;
using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG104: the scheme in <c>MirroredRegistries</c> is not the registry's real scheme. Fix data: <c>replacement</c>.</summary>
public sealed class Crg104MirroredRegistrySchemeMismatch : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg104, "Wrong scheme for a mirrored registry", RuleSeverity.Error, "Spegel",
        "Spegel writes server = '<scheme>://host' from the entry: containerd's fallback uses that scheme.");

    private static readonly string[] HttpsOnly = { "docker.io", "registry-1.docker.io", "ghcr.io", "gcr.io", "registry.k8s.io", "k8s.gcr.io", "quay.io", "mcr.microsoft.com", "public.ecr.aws", "nvcr.io" };

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            for (var i = 0; i < sp.MirroredRegistries.Count; i++)
            {
                var e = sp.MirroredRegistries[i];
                if (!e.TryGet(out var text) || !RegistryUrl.TryParse(text, out var entry) || entry.IsWildcard)
                {
                    continue;
                }

                var url = entry.Url!;
                string? expected = null;
                string why = "";
                var harbor = Topo.HarborForHost(s, url.HostPort);
                if (harbor is not null)
                {
                    if (!harbor.SchemeForHost(url.HostPortWithoutDefault).TryGet(out var hs))
                    {
                        continue;
                    }

                    expected = hs;
                    why = harbor.Scheme.Is(hs) ? $"{harbor.Label} has Tls = {(hs == "https" ? "true" : "false")}" : $"{harbor.Label} is reached at {url.Host} over {hs} (its ExternalUrl)";
                }
                else if (Array.IndexOf(HttpsOnly, HostPort.Normalize(url.HostPort)) >= 0)
                {
                    expected = "https";
                    why = $"{url.Host} is served over https only";
                }

                if (expected is not null && expected != url.Scheme)
                {
                    var replacement = expected + "://" + url.HostPort;
                    yield return Report(sp, Topo.Index("MirroredRegistries", i),
                        $"MirroredRegistries entry '{text}' uses {url.Scheme} but {why}: Spegel writes server = '{text}' and containerd's fallback fails; use '{replacement}'",
                        First(e.Location, sp.MirroredRegistries.Location), FixData("replacement", replacement));
                }
            }
        }
    }
}
