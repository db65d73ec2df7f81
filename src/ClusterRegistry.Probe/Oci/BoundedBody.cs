using System.Buffers;
using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe.Oci;

/// <summary>
/// Reads a response body that the probe keeps in memory (a manifest, an index, a token answer) with a cap counted on the
/// bytes actually read: a registry may send no Content-Length, or a wrong one, and a body that never ends must fail at
/// the cap instead of growing until the process runs out of memory. Blobs are never read this way; they stream.
/// </summary>
internal static class BoundedBody
{
    /// <summary>Reads <paramref name="content"/>; refuses a declared length over <paramref name="max"/> before reading.</summary>
    /// <param name="content">The response content.</param>
    /// <param name="max">The most bytes to keep.</param>
    /// <param name="what">What the body is, for the message (<c>manifest library/app:v1 at host</c>).</param>
    /// <param name="limit">Why the cap is what it is (<c>containerd's limit for a manifest</c>).</param>
    /// <param name="ct">Stops the read.</param>
    public static async Task<byte[]> ReadAsync(HttpContent content, long max, string what, string limit, CancellationToken ct)
    {
        if (content.Headers.ContentLength is { } declared && declared > max)
        {
            throw new ProbeFailureException(FailureClass.RegistryError, $"{what}: the body is {declared} bytes (Content-Length), over the {max} bytes {limit}; not read");
        }

        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await ReadAsync(stream, max, what, ct, limit).ConfigureAwait(false);
    }

    /// <summary>Reads <paramref name="stream"/> to its end, failing as soon as more than <paramref name="max"/> bytes arrived.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, long max, string what, CancellationToken ct, string limit = "the probe keeps in memory")
    {
        var kept = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int n;
            while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                total += n;
                if (total > max)
                {
                    throw new ProbeFailureException(FailureClass.RegistryError,
                        $"{what}: the body is larger than {max} bytes, {limit}; stopped reading after {total} bytes");
                }

                kept.Write(chunk, 0, n);
            }

            return kept.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
