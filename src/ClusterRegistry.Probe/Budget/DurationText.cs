using System.Globalization;

namespace ClusterRegistry.Probe.Budget;

/// <summary>Parses and prints durations the way Go and kubectl write them: <c>542ms</c>, <c>1s</c>, <c>1.5s</c>, <c>2m</c>, <c>1m0.809s</c>.</summary>
public static class DurationText
{
    /// <summary>Parses a sequence of number+unit pairs (ns, us/µs, ms, s, m, h). Returns false on anything else.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var i = 0;
        double totalMs = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var factor = s[unitStart..i] switch
            {
                "ns" => 1e-6,
                "us" or "µs" or "μs" => 1e-3,
                "ms" => 1.0,
                "s" => 1000.0,
                "m" => 60_000.0,
                "h" => 3_600_000.0,
                _ => double.NaN,
            };
            if (double.IsNaN(factor))
            {
                return false;
            }

            totalMs += n * factor;
        }

        value = TimeSpan.FromTicks((long)Math.Round(totalMs * TimeSpan.TicksPerMillisecond));
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a duration (expected e.g. 500ms, 1s, 1.5s, 2m)");

    /// <summary>Short form for people: <c>842ms</c>, <c>1.234s</c>, <c>2m3.5s</c>.</summary>
    public static string Format(TimeSpan t)
    {
        if (t < TimeSpan.FromSeconds(1))
        {
            return t.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + "ms";
        }

        if (t < TimeSpan.FromMinutes(1))
        {
            return t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        }

        return ((int)t.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m" +
               (t.TotalSeconds % 60).ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
