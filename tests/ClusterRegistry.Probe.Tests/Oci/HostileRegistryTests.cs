using System.Text;
using System.Text.Json;
using ClusterRegistry.Probe.Failures;
using ClusterRegistry.Probe.Oci;
using ClusterRegistry.Probe.Tests.Cli;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Faults;
using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Probe.Tests.Oci;

/// <summary>
/// A registry that answers on purpose what no honest one does (loopback only): bodies without Content-Length that never
/// end or are far too large, and redirects to names that do not resolve. Every body the probe keeps in memory is capped
/// by the bytes it actually read; the server counts what it managed to send, which bounds what the probe buffered.
/// </summary>
public sealed class HostileRegistryTests
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";
    private static readonly byte[] Junk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));

    /// <summary>Far more than any cap, far less than what an unbounded read would take (it grows to 2 GB).</summary>
    private const long MaxSentBytes = 64L << 20;

    private static async Task<ProbeResult> PullAsync(HostileHttpServer server)
    {
        using var puller = new RegistryPuller(new RegistryPullOptions { PlainHttp = true, WarmUp = false, Timeout = TimeSpan.FromSeconds(60) });
        return await puller.PullAsync(PullReference.Parse($"{server.Authority}/library/app:v1"), 60_000, "test-node", CancellationToken.None);
    }

    private static Task Body(HostileHttpServer s, Stream stream, long? size, CancellationToken ct) =>
        size is { } n ? WriteFiniteAsync(stream, n, ct) : s.WriteEndlessAsync(stream, Junk, ct);

    private static async Task WriteFiniteAsync(Stream stream, long size, CancellationToken ct)
    {
        for (long sent = 0; sent < size; sent += Junk.Length)
        {
            await stream.WriteAsync(Junk.AsMemory(0, (int)Math.Min(Junk.Length, size - sent)), ct);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(100_000_000L)]
    public async Task A_manifest_without_content_length_is_cut_off_at_the_cap(long? size)
    {
        using var server = new HostileHttpServer(async (method, path, s, stream, ct) =>
        {
            if (method == "HEAD")
            {
                await HostileHttpServer.WriteHeadAsync(stream, "405 Method Not Allowed", "Content-Length: 0");
                return;
            }

            await HostileHttpServer.WriteHeadAsync(stream, "200 OK", "Content-Type: " + ManifestType);
            await Body(s, stream, size, ct);
        });

        var r = await PullAsync(server);

        Assert.Equal(FailureClass.RegistryError, r.Failure?.Class);
        Assert.Contains("manifest", r.Failure!.Message);
        Assert.Contains($"{MediaTypes.MaxManifestSize} bytes", r.Failure.Message);
        Assert.True(server.EndlessBytesWritten < MaxSentBytes, $"the server got {server.EndlessBytesWritten} bytes out before the probe stopped reading");
    }

    [Fact]
    public async Task An_endless_token_response_is_cut_off_at_the_cap()
    {
        HostileHttpServer? self = null;
        using var server = self = new HostileHttpServer(async (method, path, s, stream, ct) =>
        {
            if (path.StartsWith("/token", StringComparison.Ordinal))
            {
                await HostileHttpServer.WriteHeadAsync(stream, "200 OK", "Content-Type: application/json");
                await s.WriteEndlessAsync(stream, Junk, ct);
                return;
            }

            await HostileHttpServer.WriteHeadAsync(stream, "401 Unauthorized", "Content-Length: 0",
                $"WWW-Authenticate: Bearer realm=\"http://{s.Authority}/token\",service=\"hostile\"");
        });

        var r = await PullAsync(server);

        Assert.NotNull(r.Failure);
        Assert.Contains("token", r.Failure!.Message);
        Assert.Contains($"{RegistryAuthenticator.MaxTokenResponseBytes} bytes", r.Failure.Message);
        Assert.True(server.EndlessBytesWritten < MaxSentBytes, $"the server got {server.EndlessBytesWritten} bytes out before the probe stopped reading");
    }

    [Fact]
    public async Task Blobs_keep_streaming_past_every_in_memory_cap()
    {
        // A 20 MB layer without Content-Length: layers are hashed as they stream, never held, so no cap applies.
        var layer = new byte[20 << 20];
        Random.Shared.NextBytes(layer);
        var config = Encoding.ASCII.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\"}");
        string Digest(byte[] b) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b));
        var manifest = Encoding.ASCII.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{ManifestType}\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{Digest(config)}\",\"size\":{config.Length}}}," +
            $"\"layers\":[{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"{Digest(layer)}\",\"size\":{layer.Length}}}]}}");
        using var server = new HostileHttpServer(async (method, path, s, stream, ct) =>
        {
            if (method == "HEAD")
            {
                await HostileHttpServer.WriteHeadAsync(stream, "405 Method Not Allowed", "Content-Length: 0");
                return;
            }

            var body = path.Contains("/manifests/", StringComparison.Ordinal) ? manifest : path.EndsWith(Digest(config), StringComparison.Ordinal) ? config : layer;
            await HostileHttpServer.WriteHeadAsync(stream, "200 OK", "Content-Type: " + (body == manifest ? ManifestType : "application/octet-stream"));
            await stream.WriteAsync(body, ct);
        });

        var r = await PullAsync(server);

        Assert.True(r.Failure is null, r.Failure?.Message);
        Assert.Equal(layer.Length + config.Length, r.Bytes);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(4096)]
    public void Bounded_reads_count_bytes_not_headers(int chunk)
    {
        var bytes = new byte[10_000];
        using var stream = new ChunkedStream(bytes, chunk);
        var e = Assert.Throws<ProbeFailureException>(() => BoundedBody.ReadAsync(stream, 9_999, "test body", CancellationToken.None).GetAwaiter().GetResult());
        Assert.Contains("9999 bytes", e.Message);
        using var exact = new ChunkedStream(bytes, chunk);
        Assert.Equal(10_000, BoundedBody.ReadAsync(exact, 10_000, "test body", CancellationToken.None).GetAwaiter().GetResult().Length);
    }

    /// <summary>
    /// A registry on loopback redirects the manifest to a name under the reserved <c>.invalid</c> TLD. The tool runs with a
    /// private resolv.conf naming a loopback DNS server that answers NXDOMAIN, so no query leaves the machine.
    /// </summary>
    [MountNamespaceFact]
    public async Task A_redirect_to_a_name_that_does_not_resolve_names_that_host_not_the_registry()
    {
        const string target = "blobs.redirect-test.invalid";
        using var server = new HostileHttpServer(async (method, path, s, stream, ct) =>
        {
            if (method == "HEAD")
            {
                await HostileHttpServer.WriteHeadAsync(stream, "405 Method Not Allowed", "Content-Length: 0");
                return;
            }

            await HostileHttpServer.WriteHeadAsync(stream, "307 Temporary Redirect", "Content-Length: 0", $"Location: http://{target}/storage{path}");
        });
        using var dns = new NxDomainDnsServer();
        using var temp = new TempDir("probe-redirect");
        var resolv = temp.Combine("resolv.conf");
        File.WriteAllText(resolv, dns.ResolvConf);

        var run = await StandaloneTool.RunWithResolvConfAsync(resolv, "probe", $"{server.Authority}/library/app:v1", "--plain-http", "--json", "--no-history", "--timeout", "20s");

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.StandardError}{run.StandardOutput}");
        using var doc = JsonDocument.Parse(run.StandardOutput);
        var failure = doc.RootElement.GetProperty("failure");
        Assert.Equal("dns", failure.GetProperty("class").GetString());
        var message = failure.GetProperty("message").GetString()!;
        Assert.Contains($"the name {target} does not resolve", message);
        Assert.Contains($"redirected by {server.Authority}", message);
        Assert.Contains(target, dns.Queries);
    }

    /// <summary>Hands out a byte array a few bytes per read, like a slow network.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
