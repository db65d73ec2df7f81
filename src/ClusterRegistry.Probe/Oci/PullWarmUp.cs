using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ClusterRegistry.Probe.Oci;

/// <summary>
/// Once per process, before the first measured pull: one complete pull of a tiny image that an in-process responder serves
/// on 127.0.0.1 (a port the kernel picks), through a throw-away <see cref="RegistryPuller"/>. It pays the runtime's
/// first-use costs — JIT, type loading, the HTTP stack's initialisation, the first SHA-256 — that a long-running puller such
/// as containerd never pays, so they do not end up in the measured figure (in a fresh process they were ~35 ms of a
/// ~50 ms 40 MB pull on loopback). The measured pull still opens its own connections: connect and TLS handshakes stay in
/// the figure. Nothing leaves the process; a warm-up failure only means a colder first measurement.
/// </summary>
internal static class PullWarmUp
{
    private static readonly Lazy<Task<TimeSpan>> Once = new(RunAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs the warm-up on first call; returns how long it took (zero when it had already run or failed).</summary>
    public static async Task<TimeSpan> EnsureAsync()
    {
        var first = !Once.IsValueCreated;
        var took = await Once.Value.ConfigureAwait(false);
        return first ? took : TimeSpan.Zero;
    }

    private static async Task<TimeSpan> RunAsync()
    {
        var sw = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        try
        {
            listener.Start();
            var image = TinyImage.Create();
            var serving = ServeAsync(listener, image, stop.Token);
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using (var puller = new RegistryPuller(new RegistryPullOptions
            {
                Endpoint = new Uri($"http://127.0.0.1:{port}"),
                PlainHttp = true,
                Timeout = TimeSpan.FromSeconds(5),
                WarmUp = false,
                Parallelism = 1, // one connection to accept: the cost is JIT, not the transfer
                BufferSize = 16 * 1024, // several buffers per blob, so the overlapped hashing path is warmed too
            }))
            {
                await puller.PullAsync(PullReference.Parse("warm.up.invalid/warm/up:v1"), 1000, "warm-up", stop.Token).ConfigureAwait(false);
            }

            await stop.CancelAsync().ConfigureAwait(false);
            listener.Stop();
            await serving.ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            return TimeSpan.Zero;
        }
        finally
        {
            listener.Dispose();
        }

        return sw.Elapsed;
    }

    private static async Task ServeAsync(TcpListener listener, TinyImage image, CancellationToken ct)
    {
        var connections = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(ct).ConfigureAwait(false);
                connections.Add(ServeConnectionAsync(client, image, ct));
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private static async Task ServeConnectionAsync(TcpClient client, TinyImage image, CancellationToken ct)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var pending = new StringBuilder();
                while (!ct.IsCancellationRequested)
                {
                    var n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }

                    pending.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    int end;
                    while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        var head = pending.ToString(0, end);
                        pending.Remove(0, end + 4);
                        var requestLine = head.Split("\r\n")[0].Split(' ');
                        var response = image.Answer(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/");
                        await stream.WriteAsync(response, ct).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>A one-layer OCI image held in memory, and the HTTP answers for it.</summary>
    private sealed class TinyImage
    {
        private readonly Dictionary<string, (byte[] Body, string ContentType, string Digest)> byPath = new(StringComparer.Ordinal);

        public static TinyImage Create()
        {
            var image = new TinyImage();
            var layer = new byte[64 * 1024];
            for (var i = 0; i < layer.Length; i++)
            {
                layer[i] = (byte)(i * 31 + 7);
            }

            var config = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
            var configDigest = Digest(config);
            var layerDigest = Digest(layer);
            var manifest = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.OciManifest}\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{configDigest}\",\"size\":{config.Length}}},\"layers\":[{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"{layerDigest}\",\"size\":{layer.Length}}}]}}"));
            var manifestDigest = Digest(manifest);
            image.byPath["/v2/warm/up/manifests/v1"] = (manifest, MediaTypes.OciManifest, manifestDigest);
            image.byPath["/v2/warm/up/manifests/" + manifestDigest] = (manifest, MediaTypes.OciManifest, manifestDigest);
            image.byPath["/v2/warm/up/blobs/" + configDigest] = (config, "application/octet-stream", configDigest);
            image.byPath["/v2/warm/up/blobs/" + layerDigest] = (layer, "application/octet-stream", layerDigest);
            return image;
        }

        private static string Digest(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

        public byte[] Answer(string method, string path)
        {
            if (!byPath.TryGetValue(path, out var entry))
            {
                return Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            }

            var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"HTTP/1.1 200 OK\r\nContent-Type: {entry.ContentType}\r\nDocker-Content-Digest: {entry.Digest}\r\nContent-Length: {entry.Body.Length}\r\n\r\n"));
            return method == "HEAD" ? head : [.. head, .. entry.Body];
        }
    }
}
