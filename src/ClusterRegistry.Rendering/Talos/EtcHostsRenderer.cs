using System.Net;
using System.Text;

namespace ClusterRegistry.Rendering.Talos;

/// <summary>
/// Talos's <c>/etc/hosts</c> (<c>renderHosts</c>, siderolabs/talos
/// internal/app/machined/pkg/controllers/network/etcfile.go): the fixed lines, then the extra entries grouped by IP
/// (aliases merged), IPs sorted, aligned like Go's <c>tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)</c>.
/// </summary>
public static class EtcHostsRenderer
{
    /// <param name="nodeIp">The node's address.</param>
    /// <param name="hostname">
    /// The node's FQDN (and short name after a space), when known; the model does not carry node hostnames, so without it
    /// the node line is left out (it is the only line that depends on it).
    /// </param>
    /// <param name="entries">Extra entries (IP, aliases) in declaration order.</param>
    public static string Render(string nodeIp, string? hostname, IEnumerable<(string Ip, IReadOnlyList<string> Aliases)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new List<(string Ip, string Names)> { ("127.0.0.1", "localhost") };
        if (!string.IsNullOrEmpty(hostname))
        {
            rows.Add((nodeIp, hostname));
        }

        rows.Add(("::1", "localhost ip6-localhost ip6-loopback"));
        rows.Add(("ff02::1", "ip6-allnodes"));
        rows.Add(("ff02::2", "ip6-allrouters"));

        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (ip, aliases) in entries)
        {
            if (!grouped.TryGetValue(ip, out var list))
            {
                grouped[ip] = list = new List<string>();
            }

            list.AddRange(aliases);
        }

        foreach (var ip in grouped.Keys.OrderBy(k => k, IpComparer.Instance))
        {
            rows.Add((ip, string.Join(' ', grouped[ip])));
        }

        var width = rows.Max(r => r.Ip.Length) + 1;
        var sb = new StringBuilder();
        foreach (var (ip, names) in rows)
        {
            sb.Append(ip.PadRight(width)).Append(names).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Go <c>netip.Addr.Compare</c> order: IPv4 before IPv6, then by address bytes; non-IPs last, ordinal.</summary>
    private sealed class IpComparer : IComparer<string>
    {
        public static readonly IpComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var px = IPAddress.TryParse(x, out var ax);
            var py = IPAddress.TryParse(y, out var ay);
            if (!px || !py)
            {
                return px != py ? (px ? -1 : 1) : string.CompareOrdinal(x, y);
            }

            var bx = ax!.GetAddressBytes();
            var by = ay!.GetAddressBytes();
            if (bx.Length != by.Length)
            {
                return bx.Length.CompareTo(by.Length);
            }

            for (var i = 0; i < bx.Length; i++)
            {
                if (bx[i] != by[i])
                {
                    return bx[i].CompareTo(by[i]);
                }
            }

            return 0;
        }
    }
}
