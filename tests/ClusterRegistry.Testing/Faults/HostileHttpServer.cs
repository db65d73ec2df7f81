using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClusterRegistry.Testing.Faults;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 that answers each request with whatever <see cref="Respond"/> writes on the raw
/// connection, then closes it: the way to send what no real registry sends on purpose — a body without Content-Length
/// that never ends, a redirect to a name that does not resolve. Counts the bytes it managed to write.
/// </summary>
public sealed class HostileHttpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private long written;

    /// <param name="respond">Gets the request's method and path (with query) and writes the whole response to the stream.</param>
    public HostileHttpServer(Func<string, string, HostileHttpServer, Stream, CancellationToken, Task> respond)
    {
        Respond = respond;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public Func<string, string, HostileHttpServer, Stream, CancellationToken, Task> Respond { get; }

    public int Port { get; }

    public string Authority => $"127.0.0.1:{Port}";

    /// <summary>Body bytes written by <see cref="WriteEndlessAsync"/> so far, over all connections.</summary>
    public long EndlessBytesWritten => Interlocked.Read(ref written);

    /// <summary>Writes a status line and headers (each "Name: value"), then the blank line.</summary>
    public static Task WriteHeadAsync(Stream s, string status, params string[] headers) =>
        s.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "Connection: close\r\n\r\n")).AsTask();

    /// <summary>Writes <paramref name="chunk"/> again and again until the client goes away or the server stops.</summary>
    public async Task WriteEndlessAsync(Stream s, byte[] chunk, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await s.WriteAsync(chunk, ct);
                Interlocked.Add(ref written, chunk.Length);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (await stream.ReadAsync(buffer, stop.Token) == 0)
                    {
                        return;
                    }

                    head.Append((char)buffer[0]);
                }

                var line = head.ToString().Split("\r\n")[0].Split(' ');
                await Respond(line[0], line.Length > 1 ? line[1] : "/", this, stream, stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }
}
