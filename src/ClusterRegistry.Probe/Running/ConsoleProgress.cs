using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ClusterRegistry.Probe.Oci;

namespace ClusterRegistry.Probe.Running;

/// <summary>
/// A one-line progress display on stderr for long pulls (bytes received of the declared total, rate), drawn on the first
/// bytes and then at most ten times a second, and only when stderr is a terminal, so JSON on stdout and logs stay clean.
/// </summary>
public sealed class ConsoleProgress : IPullProgress, IDisposable
{
    private readonly TextWriter writer;
    private readonly ConcurrentDictionary<string, (long Received, long Size)> blobs = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastDrawTicks = -Stopwatch.Frequency; // the first update draws at once, later ones at most ten times a second
    private bool drawn;

    public ConsoleProgress(TextWriter writer)
    {
        this.writer = writer;
    }

    /// <summary>A progress display when stderr is an interactive terminal, else null.</summary>
    public static ConsoleProgress? ForTerminal() =>
        Console.IsErrorRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb" ? null : new ConsoleProgress(Console.Error);

    public void BlobStarted(Descriptor blob) => blobs[blob.Digest] = (0, blob.Size);

    public void BlobProgress(string digest, long received)
    {
        blobs.AddOrUpdate(digest, (received, -1), (_, v) => (received, v.Size));
        var now = clock.ElapsedTicks;
        var last = Interlocked.Read(ref lastDrawTicks);
        if (now - last < Stopwatch.Frequency / 10 || Interlocked.CompareExchange(ref lastDrawTicks, now, last) != last)
        {
            return;
        }

        Draw();
    }

    public void BlobCompleted(string digest)
    {
    }

    private void Draw()
    {
        long received = 0, total = 0;
        foreach (var (r, s) in blobs.Values)
        {
            received += r;
            total += Math.Max(s, 0);
        }

        var secs = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  pulling {received / 1e6:0.0}/{total / 1e6:0.0} MB ({(total > 0 ? 100.0 * received / total : 0):0}%) {received / 1e6 / secs:0.0} MB/s {clock.Elapsed.TotalSeconds:0.0}s");
        lock (writer)
        {
            writer.Write("\r" + line.PadRight(72));
            drawn = true;
        }
    }

    public void Dispose()
    {
        lock (writer)
        {
            if (drawn)
            {
                writer.Write("\r" + new string(' ', 72) + "\r");
            }
        }
    }
}
