using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClusterRegistry.Testing.Registry;

/// <summary>
/// A registry mirror that has nothing: every request gets <c>404 Not Found</c>, as Spegel answers when no peer holds the
/// image. containerd then moves on to the next host without recording an error, so the next host's answer (e.g. Harbor's
/// 401) is the one reported. A refused port behaves differently on containerd 1.6: the refused dial is the first error and
/// hides everything after it. Listens on 127.0.0.1 and a port the kernel picks unless told otherwise.
/// </summary>
public sealed class EmptyMirror : IDisposable
{
    private const string Body = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{}}]}";

    private static readonly byte[] Head = Encoding.ASCII.GetBytes(
        $"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n");

    private static readonly byte[] HeadAndBody = [.. Head, .. Encoding.ASCII.GetBytes(Body)];

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int requests;

    public EmptyMirror(string address = "127.0.0.1", int port = 0)
    {
        listener = new TcpListener(IPAddress.Parse(address), port);
        listener.Start();
        Address = address;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(AcceptAsync);
    }

    public string Address { get; }

    public int Port { get; }

    public string Url => $"http://{Address}:{Port}";

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref requests);

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                connections.Add(ServeAsync(client));
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var pending = new StringBuilder();
                while (true)
                {
                    var n = await stream.ReadAsync(buffer, stop.Token);
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
                        Interlocked.Increment(ref requests);
                        var isHead = head.StartsWith("HEAD ", StringComparison.Ordinal);
                        await stream.WriteAsync(isHead ? Head : HeadAndBody, stop.Token);
                    }
                }
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
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        stop.Dispose();
    }
}
