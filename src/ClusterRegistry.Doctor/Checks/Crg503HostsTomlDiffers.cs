using ClusterRegistry.Doctor.Containerd;
using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>
/// CRG503: a hosts.toml differs from the node view in what containerd acts on: endpoint order, scheme, the
/// <c>server</c> line, capabilities (and <c>override_path</c>/<c>skip_verify</c>). Quoting, layout and keys containerd
/// 1.6 does not know (<c>dial_timeout</c>) are not compared.
/// </summary>
public sealed class Crg503HostsTomlDiffers : INodeCheck
{
    public string Id => "CRG503";

    public string Title => "hosts.toml differs from the node view";

    public IEnumerable<NodeFinding> Run(DoctorContext context)
    {
        foreach (var (dir, expected) in context.Expected.HostsFiles)
        {
            if (expected.File is null || !context.Actual.HostsFiles.TryGetValue(dir, out var actual) || !actual.Exists)
            {
                continue; // nothing to compare against, or missing (CRG501/CRG508)
            }

            var path = $"{NodePaths.HostsDir}/{dir}/hosts.toml";
            var differences = actual.File is null
                ? new List<string> { $"the file does not parse ({actual.Error}), so containerd fails every pull of {HostDirectoryName.ToRegistry(dir)}" }
                : Compare(expected.File, actual.File);
            if (differences.Count == 0)
            {
                continue;
            }

            yield return new NodeFinding(
                Id,
                $"hosts/{dir}",
                $"{path}: " + string.Join("; ", differences),
                "containerd tries the [host] entries in file order, then server: another order, scheme or server changes which address a pull dials first and " +
                "what it falls back to, so pulls skip the in-cluster mirror, dial an http registry over https, or fail on a Spegel miss.",
                "Restore the file the stack renders (`synth --target node` shows it): re-apply the Talos machine config and restart Spegel " +
                "(`kubectl rollout restart ds/spegel -n kube-system`) so it prepends the Talos endpoints after its own.");
        }
    }

    /// <summary>The differences containerd would act on, in words; empty when equivalent.</summary>
    public static List<string> Compare(HostsFile expected, HostsFile actual)
    {
        var diffs = new List<string>();
        var e = expected.Hosts.Select(h => (Key: h.MatchKey, Host: h)).ToList();
        var a = actual.Hosts.Select(h => (Key: h.MatchKey, Host: h)).ToList();
        var eKeys = e.Select(x => x.Key).ToList();
        var aKeys = a.Select(x => x.Key).ToList();

        foreach (var missing in e.Where(x => !aKeys.Contains(x.Key)))
        {
            diffs.Add($"endpoint {missing.Host.Url} is missing");
        }

        foreach (var extra in a.Where(x => !eKeys.Contains(x.Key)))
        {
            diffs.Add($"unexpected endpoint {extra.Host.Url}");
        }

        var eCommon = e.Where(x => aKeys.Contains(x.Key)).ToList();
        var aCommon = a.Where(x => eKeys.Contains(x.Key)).ToList();
        if (!eCommon.Select(x => x.Key).SequenceEqual(aCommon.Select(x => x.Key)))
        {
            diffs.Add($"endpoint order is {string.Join(" → ", aCommon.Select(x => x.Host.Url))}, expected {string.Join(" → ", eCommon.Select(x => x.Host.Url))}");
        }

        foreach (var (key, eh) in eCommon)
        {
            CompareEntry(eh, a.First(x => x.Key == key).Host, eh.Url, diffs);
        }

        if (expected.Server is null && actual.Server is not null)
        {
            diffs.Add($"unexpected server = '{actual.Server.Url}'");
        }
        else if (expected.Server is not null && actual.Server is null)
        {
            diffs.Add($"no server line, expected server = '{expected.Server.Url}'");
        }
        else if (expected.Server is not null && actual.Server is not null)
        {
            if (expected.Server.MatchKey != actual.Server.MatchKey || !string.Equals(expected.Server.Scheme, actual.Server.Scheme, StringComparison.OrdinalIgnoreCase))
            {
                diffs.Add($"server = '{actual.Server.Url}', expected '{expected.Server.Url}'");
            }
            else
            {
                CompareEntry(expected.Server, actual.Server, "server", diffs);
            }
        }

        return diffs;
    }

    private static void CompareEntry(HostsEntry expected, HostsEntry actual, string label, List<string> diffs)
    {
        if (!string.Equals(expected.Scheme, actual.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            diffs.Add($"{label} uses {actual.Scheme}://, expected {expected.Scheme}://");
        }

        if (!SameCapabilities(expected.Capabilities, actual.Capabilities))
        {
            diffs.Add($"capabilities of {label} are {actual.CapabilitiesText}, expected {expected.CapabilitiesText}");
        }

        if ((expected.SkipVerify ?? false) != (actual.SkipVerify ?? false))
        {
            diffs.Add($"skip_verify of {label} is {(actual.SkipVerify ?? false).ToString().ToLowerInvariant()}, expected {(expected.SkipVerify ?? false).ToString().ToLowerInvariant()}");
        }
    }

    private static bool SameCapabilities(IReadOnlyList<string> e, IReadOnlyList<string> a) => e.SequenceEqual(a, StringComparer.Ordinal);
}
