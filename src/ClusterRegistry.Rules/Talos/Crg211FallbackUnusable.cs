using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG211: the mirror's fallback (the registry itself) is plain HTTP or needs auth, and nothing provides it: no Spegel
/// <c>server</c> line with the http scheme, no auth keyed on the registry host.
/// </summary>
public sealed class Crg211FallbackUnusable : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg211, "The mirror's fallback to the registry itself cannot work", RuleSeverity.Warning, "Talos",
        "When every endpoint fails containerd falls back to the registry host: https unless a server line says otherwise, and with the credentials keyed on that host only.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                if (!m.Key.TryGet(out var key) || key == "*" || !MirrorKey.IsValid(key) || !m.SkipFallback.TryGet(out var skip) || skip == true)
                {
                    continue;
                }

                var harbor = Topo.HarborForHost(s, key);
                if (harbor is null)
                {
                    continue;
                }

                var problems = new List<string>();
                if (harbor.Tls.TryGet(out var tls) && !tls)
                {
                    var server = ServerScheme(s, key, out var unknown);
                    if (unknown)
                    {
                        continue;
                    }

                    if (server != "http")
                    {
                        var serves = harbor.External ? "(its Url is http)" : "(Tls = false)";
                        problems.Add(server is null
                            ? $"no Spegel server line names http://{key}, so containerd's implicit fallback is https://{key}, which {harbor.Label} {serves} does not serve"
                            : $"the fallback server is {server}://{key}, which {harbor.Label} {serves} does not serve");
                    }
                }

                var needsAuth = Topo.HarborNeedsAuth(s, harbor);
                if (needsAuth is null)
                {
                    continue;
                }

                if (needsAuth == true)
                {
                    var auth = Topo.HasAuthFor(p, key);
                    if (auth is null)
                    {
                        continue;
                    }

                    if (auth == false)
                    {
                        problems.Add($"RegistryConfig has no auth for '{key}', so the fallback pulls anonymously and works only for public projects");
                    }
                }

                if (problems.Count == 0)
                {
                    continue;
                }

                yield return Report(p, Topo.Entry("Mirrors", m.Key, i),
                    $"when the mirror endpoints of '{key}' are down, containerd falls back to {key} itself, and that fallback fails: {string.Join("; ", problems)}",
                    First(m.Key.Location, m.Location));
            }
        }
    }

    /// <summary>The scheme of the Spegel server line for <paramref name="key"/>, or null when no Spegel lists it.</summary>
    private static string? ServerScheme(TopologySnapshot s, string key, out bool unknown)
    {
        unknown = false;
        foreach (var sp in s.Spegels)
        {
            var listed = Topo.SpegelLists(sp, key, out var entry);
            if (listed is null)
            {
                unknown = true;
            }
            else if (listed == true && entry?.Url is { } url)
            {
                return url.Scheme;
            }
        }

        return null;
    }
}
