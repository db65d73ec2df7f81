using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClusterRegistry.Testing.Faults;

/// <summary>
/// A DNS server on a loopback address of its own (127.53.x.y, UDP port 53) that answers every query NXDOMAIN and records the
/// names asked. Pointed at by a private /etc/resolv.conf (see <see cref="Processes.MountNamespace"/>), it makes "the name
/// does not resolve" happen for real without a single query leaving the machine — the machine's own resolver is not on
/// loopback, and glibc does not special-case <c>.invalid</c>.
/// </summary>
public sealed class NxDomainDnsServer : IDisposable
{
    private static int next = Random.Shared.Next(0, 200);
    private readonly UdpClient udp;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly List<string> queries = new();

    public NxDomainDnsServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var n = Interlocked.Increment(ref next);
            Address = $"127.53.{(Environment.ProcessId + n) % 250 + 1}.{n % 250 + 2}";
            try
            {
                udp = new UdpClient(new IPEndPoint(IPAddress.Parse(Address), 53));
                break;
            }
            catch (SocketException) when (attempt < 50)
            {
            }
        }

        loop = Task.Run(ServeAsync);
    }

    /// <summary>The address to name in resolv.conf (port 53 is implied).</summary>
    public string Address { get; }

    /// <summary>The names queried so far (any type: A and AAAA both land here).</summary>
    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (queries)
            {
                return queries.ToArray();
            }
        }
    }

    /// <summary>A resolv.conf naming only this server.</summary>
    public string ResolvConf => $"nameserver {Address}\noptions timeout:2 attempts:1\n";

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await udp.ReceiveAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var q = received.Buffer;
            if (q.Length < 12)
            {
                continue;
            }

            lock (queries)
            {
                queries.Add(QuestionName(q));
            }

            // Same ID and question; QR=1, opcode and RD copied, RA=1, RCODE=3 (NXDOMAIN); no answers.
            var answer = (byte[])q.Clone();
            answer[2] = (byte)(0x80 | (q[2] & 0x79));
            answer[3] = 0x83;
            answer[6] = answer[7] = answer[8] = answer[9] = answer[10] = answer[11] = 0;
            try
            {
                await udp.SendAsync(answer, received.RemoteEndPoint, stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    private static string QuestionName(byte[] q)
    {
        var sb = new StringBuilder();
        var i = 12;
        while (i < q.Length && q[i] != 0 && i + q[i] < q.Length)
        {
            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            sb.Append(Encoding.ASCII.GetString(q, i + 1, q[i]));
            i += q[i] + 1;
        }

        return sb.ToString();
    }

    public void Dispose()
    {
        stop.Cancel();
        udp.Dispose();
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
