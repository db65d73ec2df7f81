namespace ClusterRegistry.Doctor.Etc;

/// <summary>A parsed <c>/etc/hosts</c>: for each name, the addresses in file order (the resolver uses the first).</summary>
public sealed class EtcHostsFile
{
    private readonly Dictionary<string, List<string>> byName;

    private EtcHostsFile(Dictionary<string, List<string>> byName) => this.byName = byName;

    public static EtcHostsFile Parse(string text)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n'))
        {
            var hash = raw.IndexOf('#');
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            foreach (var name in parts.Skip(1))
            {
                if (!map.TryGetValue(name, out var ips))
                {
                    map[name] = ips = new List<string>();
                }

                ips.Add(parts[0]);
            }
        }

        return new EtcHostsFile(map);
    }

    /// <summary>Every name with its addresses, names sorted.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Entries =>
        byName.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, kv.Value));

    /// <summary>The addresses of <paramref name="name"/> in file order (empty when none).</summary>
    public IReadOnlyList<string> AddressesOf(string name) => byName.TryGetValue(name, out var l) ? l : Array.Empty<string>();
}
