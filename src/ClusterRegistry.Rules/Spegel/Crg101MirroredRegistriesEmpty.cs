using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG101: <c>MirroredRegistries</c> is empty. Fix data: <c>registries</c> (newline-separated URLs to add).</summary>
public sealed class Crg101MirroredRegistriesEmpty : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg101, "Spegel mirrors every registry (MirroredRegistries is empty)", RuleSeverity.Error, "Spegel",
        "With an empty list Spegel writes only _default/hosts.toml and moves every Talos hosts dir to _backup: Talos mirrors (Harbor, proxy caches, overridePath, TLS settings) stop applying, and a plain-HTTP registry's fallback becomes https.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            if (sp.MirroredRegistries.Count != 0 || sp.MirroredRegistries.HasUnknownEntries)
            {
                continue;
            }

            // Spegel's default (an empty list mirrors every registry through _default) is its intended setup: fire only when
            // something is at stake, i.e. a Talos hosts dir Spegel would move to _backup or a plain-HTTP registry whose
            // fallback through _default becomes https.
            if (!AtStake(s, out var stake))
            {
                continue;
            }

            var suggestions = new List<string>();
            foreach (var p in s.TalosPatches)
            {
                foreach (var m in p.Mirrors)
                {
                    if (m.Key.TryGet(out var key) && MirrorKey.IsValid(key))
                    {
                        var url = key == "*" ? "_default" : Topo.SchemeForRegistry(s, key) is { } scheme ? scheme + "://" + key : null;
                        if (url is not null && !suggestions.Contains(url))
                        {
                            suggestions.Add(url);
                        }
                    }
                }
            }

            var hint = suggestions.Count > 0 ? "; add the registries the stack uses: " + string.Join(", ", suggestions) : "; list the registries to mirror";
            yield return Report(sp, "MirroredRegistries",
                "MirroredRegistries is empty, so Spegel writes only _default/hosts.toml and moves every Talos hosts dir to _backup, where containerd never looks: " + stake + hint,
                First(sp.MirroredRegistries.Location, sp.Location),
                suggestions.Count > 0 ? FixData("registries", string.Join("\n", suggestions)) : null);
        }
    }

    /// <summary>What an empty list would break: Talos mirrors or TLS dirs moved to _backup, or a plain-HTTP Harbor. False when nothing (or unknown).</summary>
    private static bool AtStake(TopologySnapshot s, out string what)
    {
        what = "";
        var mirrors = new List<string>();
        foreach (var p in s.TalosPatches)
        {
            foreach (var m in p.Mirrors)
            {
                if (m.Key.TryGet(out var key) && !mirrors.Contains(key))
                {
                    mirrors.Add(key);
                }
            }

            foreach (var rc in p.RegistryConfigs)
            {
                if (rc.Key.TryGet(out var key) && rc.Tls.TryGet(out var tls) && tls is not null && !mirrors.Contains(key))
                {
                    // Talos writes a hosts dir for every TLS host (CA, client identity, skip verify).
                    mirrors.Add(key);
                }
            }
        }

        if (mirrors.Count > 0)
        {
            what = "the Talos registry config for " + string.Join(", ", mirrors) + " stops applying";
            return true;
        }

        foreach (var h in s.Harbors)
        {
            if (h.RegistryHost.TryGet(out var host) && host is not null && h.SchemeForHost(host).Is("http"))
            {
                what = $"{h.Label} at {host} serves plain HTTP, and through _default containerd falls back to https://{host} on every Spegel miss, so pulls fail";
                return true;
            }
        }

        return false;
    }
}
