using System.Globalization;
using System.Text.RegularExpressions;

namespace ClusterRegistry.Doctor.Nodes;

/// <summary>
/// Parses what <c>talosctl ls</c> prints (siderolabs/talos cmd/talosctl/cmd/talos/list.go): one name per line including
/// <c>.</c> for one node, a <c>NODE NAME</c> table for several, and with <c>-l</c> a <c>NODE MODE [UID GID] SIZE(B)
/// LASTMOD NAME</c> table whose LASTMOD is <c>Jan _2 15:04:05</c> (or <c>Jan _2 2006 15:04</c> past six months) in the
/// local time zone.
/// </summary>
public static partial class TalosctlListing
{
    public static IReadOnlyList<NodeEntry> ParseShort(string output)
    {
        var lines = Lines(output);
        var table = lines.Count > 0 && HeaderRegex().IsMatch(lines[0]);
        var entries = new List<NodeEntry>();
        foreach (var line in table ? lines.Skip(1) : lines)
        {
            var name = table ? line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries) is { Length: 2 } p ? p[1].Trim() : line.Trim() : line.Trim();
            Add(entries, new NodeEntry(name, IsDirectory: false, LastModified: null));
        }

        return Sorted(entries);
    }

    public static IReadOnlyList<NodeEntry> ParseLong(string output, DateTimeOffset now)
    {
        var entries = new List<NodeEntry>();
        foreach (var line in Lines(output))
        {
            if (HeaderRegex().IsMatch(line))
            {
                continue;
            }

            var m = LongRegex().Match(line);
            if (!m.Success)
            {
                throw new NodeInspectionException($"unexpected 'talosctl ls -l' line: '{line}'");
            }

            Add(entries, new NodeEntry(m.Groups["name"].Value, m.Groups["mode"].Value.StartsWith('d'), ParseTime(m, now)));
        }

        return Sorted(entries);
    }

    private static DateTimeOffset ParseTime(Match m, DateTimeOffset now)
    {
        var month = DateTime.ParseExact(m.Groups["mon"].Value, "MMM", CultureInfo.InvariantCulture).Month;
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var local = TimeZoneInfo.Local;
        if (m.Groups["time"].Success)
        {
            var t = TimeSpan.ParseExact(m.Groups["time"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture);
            var year = TimeZoneInfo.ConvertTime(now, local).Year;
            var candidate = At(year, month, day, t, local);
            // No year in the recent format: a date "in the future" belongs to last year.
            return candidate > now.AddDays(1) ? At(year - 1, month, day, t, local) : candidate;
        }

        var hm = TimeSpan.ParseExact(m.Groups["hm"].Value, @"hh\:mm", CultureInfo.InvariantCulture);
        return At(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, day, hm, local);
    }

    private static DateTimeOffset At(int year, int month, int day, TimeSpan time, TimeZoneInfo zone)
    {
        var dt = new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), 0, 0, 0, DateTimeKind.Unspecified) + time;
        return new DateTimeOffset(dt, zone.GetUtcOffset(dt));
    }

    private static void Add(List<NodeEntry> entries, NodeEntry e)
    {
        if (e.Name is not ("." or "" or ".."))
        {
            entries.Add(e);
        }
    }

    private static IReadOnlyList<NodeEntry> Sorted(List<NodeEntry> entries) =>
        entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();

    private static List<string> Lines(string output) =>
        output.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0).ToList();

    [GeneratedRegex(@"^NODE\s+(MODE|NAME)\b")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^(?<node>\S+)\s+(?<mode>[dlLcbpsDTu?-][rwxsStT-]{9}\S*)\s+(?:\d+\s+\d+\s+)?(?<size>\d+(?:\.\d+)?\s?[kKMGTP]?i?B?)\s+(?<mon>[A-Z][a-z]{2})\s+(?<day>\d{1,2})\s+(?:(?<time>\d\d:\d\d:\d\d)|(?<year>\d{4})\s+(?<hm>\d\d:\d\d))\s+(?<name>.+?)(?:\s+->\s+.*)?$")]
    private static partial Regex LongRegex();
}
