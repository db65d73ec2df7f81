using System.Globalization;
using System.Text.RegularExpressions;
using ClusterRegistry.Probe.Budget;

namespace ClusterRegistry.Probe.Kubernetes;

/// <summary>
/// Parses every historical format of kubelet's <c>Pulled</c> event (<c>pkg/kubelet/images/image_manager.go</c>): durations
/// are Go <c>time.Duration</c> strings (<c>542ms</c>, <c>4.614356447s</c>, <c>1m0.809s</c>), the image is Go-quoted (%q).
/// </summary>
public static partial class PulledEventParser
{
    public static bool TryParse(string? message, out PulledEvent parsed)
    {
        parsed = null!;
        if (string.IsNullOrWhiteSpace(message))
        {
            return false;
        }

        var m = Pulled().Match(message.Trim());
        if (m.Success)
        {
            var image = Unquote(m.Groups["image"].Value);
            TimeSpan? pull = null, waiting = null;
            long? size = null;
            var format = PulledEventFormat.NoDuration;
            if (m.Groups["d"].Success)
            {
                if (!DurationText.TryParse(m.Groups["d"].Value, out var d))
                {
                    return false;
                }

                pull = d;
                format = PulledEventFormat.Duration;
            }

            if (m.Groups["w"].Success)
            {
                if (!DurationText.TryParse(m.Groups["w"].Value, out var w))
                {
                    return false;
                }

                waiting = w;
                format = PulledEventFormat.IncludingWaiting;
            }

            if (m.Groups["size"].Success)
            {
                size = long.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture);
                format = PulledEventFormat.WithImageSize;
            }

            parsed = new PulledEvent(image, format, pull, waiting, size);
            return true;
        }

        var p = Present().Match(message.Trim());
        if (p.Success)
        {
            parsed = new PulledEvent(Unquote(p.Groups["image"].Value), PulledEventFormat.AlreadyPresent, null, null, null);
            return true;
        }

        return false;
    }

    /// <summary>Undoes Go's %q quoting (backslash escapes; image references never need more).</summary>
    private static string Unquote(string quoted) => Regex.Replace(quoted, @"\\(.)", "$1");

    [GeneratedRegex("""^Successfully pulled image "(?<image>(?:[^"\\]|\\.)*)"(?: in (?<d>[0-9.]+(?:ns|us|µs|μs|ms|s|m|h)(?:[0-9.]+(?:ns|us|µs|μs|ms|s|m|h))*)(?: \((?<w>[0-9.]+(?:ns|us|µs|μs|ms|s|m|h)(?:[0-9.]+(?:ns|us|µs|μs|ms|s|m|h))*) including waiting\))?)?(?:\. Image size: (?<size>[0-9]+) bytes\.)?$""")]
    private static partial Regex Pulled();

    [GeneratedRegex("""^Container image "(?<image>(?:[^"\\]|\\.)*)" already present on machine(?: and can be accessed by the pod)?$""")]
    private static partial Regex Present();
}
