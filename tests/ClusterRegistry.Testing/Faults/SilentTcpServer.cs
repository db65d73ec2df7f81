using System.Net;
using System.Net.Sockets;

namespace ClusterRegistry.Testing.Faults;

/// <summary>A TCP server on 127.0.0.1 that accepts connections and never answers (a hung registry or a black-holed proxy).</summary>
public sealed class SilentTcpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> accepted = new();
    private readonly CancellationTokenSource stop = new();

    public SilentTcpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var s = await listener.AcceptSocketAsync(stop.Token);
                    lock (accepted)
                    {
                        accepted.Add(s);
                    }
                }
                catch (Exception)
                {
                    return;
                }
            }
        });
    }

    public int Port { get; }

    public int Accepted
    {
        get
        {
            lock (accepted)
            {
                return accepted.Count;
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (accepted)
        {
            foreach (var s in accepted)
            {
                s.Dispose();
            }
        }
    }
}
