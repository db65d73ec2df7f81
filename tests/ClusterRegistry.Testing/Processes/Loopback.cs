using System.Net;
using System.Net.Sockets;

namespace ClusterRegistry.Testing.Processes;

/// <summary>Free ports and private addresses on 127.0.0.0/8 (the only network tests may use).</summary>
public static class Loopback
{
    private static int next = Random.Shared.Next(0, 200);

    /// <summary>A port nobody listens on right now at <paramref name="address"/> (default 127.0.0.1).</summary>
    public static int FreePort(string address = "127.0.0.1")
    {
        using var l = new TcpListener(IPAddress.Parse(address), 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>
    /// A loopback address of its own (127.77.x.y) whose port 80 is free, so a test can serve "http://name" (port 80) without
    /// colliding with other tests or the local stack's fixed addresses.
    /// </summary>
    public static string PrivateAddressWithFreePort80()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var n = Interlocked.Increment(ref next);
            var address = $"127.77.{(Environment.ProcessId + n) % 250 + 1}.{n % 250 + 2}";
            try
            {
                using var l = new TcpListener(IPAddress.Parse(address), 80);
                l.Start();
                l.Stop();
                return address;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no free 127.77.x.y:80 found");
    }

    /// <summary>Waits until something accepts TCP connections at address:port.</summary>
    public static async Task WaitForListenerAsync(string address, int port, TimeSpan timeout, Func<bool>? stillAlive = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (stillAlive is not null && !stillAlive())
            {
                throw new InvalidOperationException($"the process meant to listen on {address}:{port} exited");
            }

            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync(IPAddress.Parse(address), port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nothing listens on {address}:{port} after {timeout}");
    }
}
