using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe.Oci;

/// <summary>
/// A measurement-grade OCI distribution client: resolves a reference the way containerd does (HEAD with its Accept list, then
/// GET by digest), follows an index to the platform's manifest, then fetches the config and every layer in parallel,
/// streaming each through a hash so memory stays constant whatever the image size, and verifies every digest and size.
/// Nothing is written to disk: the point is the time the bytes take to arrive.
/// </summary>
public sealed class RegistryPuller : IDisposable
{
    private readonly RegistryPullOptions options;
    private readonly HttpClient http;
    private readonly RegistryAuthenticator auth;

    public RegistryPuller(RegistryPullOptions options)
    {
        this.options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // Redirects follows them (blob storage redirects), so a failure names the host that failed
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout < TimeSpan.FromSeconds(30) ? options.Timeout : TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = Math.Max(2, options.Parallelism + 1),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        if (options.InsecureSkipVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("clusterregistry-probe/1.0");
        auth = new RegistryAuthenticator(http, options.Credentials);
    }

    /// <summary>Pulls <paramref name="image"/> once and returns what was measured; failures are classified into the result.</summary>
    public async Task<ProbeResult> PullAsync(PullReference image, double budgetMs, string node, CancellationToken cancellation)
    {
        var warmUp = options.WarmUp ? await PullWarmUp.EnsureAsync().ConfigureAwait(false) : TimeSpan.Zero;
        var result = new ProbeResult
        {
            Image = image.Original,
            Via = ProbeVia.Registry,
            Node = node,
            StartedAt = DateTimeOffset.UtcNow,
            BudgetMs = budgetMs,
        };
        var baseUri = BaseUri(image);
        result.Notes["endpoint"] = baseUri.ToString().TrimEnd('/');
        if (warmUp > TimeSpan.Zero)
        {
            result.Notes["warmUpMs"] = warmUp.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        }
        var state = new PullState();
        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        var total = Stopwatch.StartNew();
        try
        {
            await PullCoreAsync(image, baseUri, result, state, total, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            result.Failure = new ProbeFailureException(FailureClass.Timeout,
                $"no complete answer from {baseUri.Authority} within {Budget.DurationText.Format(options.Timeout)} while {state.Phase}");
        }
        catch (ProbeFailureException e)
        {
            result.Failure = e;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result.Failure = FailureClassifier.Classify(e, state.Phase);
        }

        result.DurationMs = total.Elapsed.TotalMilliseconds;
        result.AuthMs = auth.AuthTime.TotalMilliseconds;
        result.TokenRequests = auth.TokenRequests;
        return result;
    }

    private Uri BaseUri(PullReference image)
    {
        if (options.Endpoint is { } e)
        {
            var s = e.ToString().TrimEnd('/');
            if (s.EndsWith("/v2", StringComparison.Ordinal))
            {
                s = s[..^3];
            }

            return new Uri(s + "/");
        }

        return new Uri((options.PlainHttp ? "http://" : "https://") + image.ApiHost + "/");
    }

    private async Task PullCoreAsync(PullReference image, Uri baseUri, ProbeResult result, PullState state, Stopwatch total, CancellationToken ct)
    {
        var scope = image.PullScope;
        var manifestBase = $"{baseUri}v2/{image.Repository}/manifests/";

        // Resolve: HEAD with containerd's Accept list; the digest from the header lets us GET by digest like containerd.
        state.Phase = $"resolving {image.Repository}:{image.Reference} (HEAD manifest at {baseUri.Authority})";
        var digest = image.Digest;
        using (var head = await SendAsync(HttpMethod.Head, new Uri(manifestBase + image.Reference), scope, accept: true, state, ct).ConfigureAwait(false))
        {
            if (head.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                EnsureManifestStatus(head, image, image.Reference);
                if (digest is null && head.Headers.TryGetValues("Docker-Content-Digest", out var dv))
                {
                    digest = dv.FirstOrDefault();
                }
            }
        }

        state.Phase = $"fetching manifest {image.Repository}@{digest ?? image.Reference}";
        var (document, manifestDigest) = await FetchManifestAsync(image, manifestBase, digest ?? image.Reference, digest, scope, state, total, result, ct).ConfigureAwait(false);
        if (document.IsIndex)
        {
            var chosen = document.Manifests.FirstOrDefault(m => options.Platform.Matches(m.Os, m.Architecture, m.Variant))
                ?? throw new ProbeFailureException(FailureClass.ManifestNotFound,
                    $"{image.Original}: the index {manifestDigest} has no manifest for {options.Platform} (has: {string.Join(", ", document.Manifests.Select(m => $"{m.Os}/{m.Architecture}{(m.Variant is null ? "" : "/" + m.Variant)}"))})");
            result.Notes["index"] = manifestDigest;
            result.Notes["platform"] = options.Platform.ToString();
            state.Phase = $"fetching the {options.Platform} manifest {chosen.Digest}";
            (document, manifestDigest) = await FetchManifestAsync(image, manifestBase, chosen.Digest, chosen.Digest, scope, state, total, result, ct).ConfigureAwait(false);
            if (document.IsIndex)
            {
                throw new ProbeFailureException(FailureClass.RegistryError, $"{image.Original}: the index entry {chosen.Digest} is itself an index");
            }
        }

        result.Digest = manifestDigest;
        result.ManifestMs = total.Elapsed.TotalMilliseconds;

        // Config and layers in parallel, each streamed through its hash.
        var blobs = new List<(Descriptor Blob, string Kind)> { (document.Config!, "config") };
        blobs.AddRange(document.Layers.Select(l => (l, "layer")));
        state.Phase = $"fetching {blobs.Count} blobs of {image.Repository}@{manifestDigest}";
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        var measurements = new LayerMeasurement?[blobs.Count];
        ProbeFailureException? firstFailure = null;
        var tasks = blobs.Select(async (b, i) =>
        {
            await gate.WaitAsync(failFast.Token).ConfigureAwait(false);
            try
            {
                measurements[i] = await FetchBlobAsync(image, baseUri, b.Blob, b.Kind, scope, state, total, failFast.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var failure = e is OperationCanceledException ? null : FailureClassifier.Classify(e, $"fetching blob {b.Blob.Digest}");
                if (failure is not null)
                {
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                    failFast.Cancel();
                }

                throw;
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch when (firstFailure is not null)
        {
            throw firstFailure;
        }

        foreach (var m in measurements)
        {
            result.Layers.Add(m!);
            result.Bytes += m!.Bytes;
        }
    }

    private async Task<(ManifestDocument Document, string Digest)> FetchManifestAsync(
        PullReference image, string manifestBase, string reference, string? expectedDigest, string scope, PullState state, Stopwatch total, ProbeResult result, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, new Uri(manifestBase + reference), scope, accept: true, state, ct).ConfigureAwait(false);
        EnsureManifestStatus(response, image, reference);
        result.TtfbMs ??= total.Elapsed.TotalMilliseconds;
        var body = await BoundedBody.ReadAsync(
            response.Content, MediaTypes.MaxManifestSize, $"manifest {image.Repository}:{reference} at {response.RequestMessage?.RequestUri?.Authority}", "containerd's limit for a manifest", ct).ConfigureAwait(false);
        var headerDigest = response.Headers.TryGetValues("Docker-Content-Digest", out var dv) ? dv.FirstOrDefault() : null;
        string actual;
        var expected = expectedDigest ?? headerDigest;
        if (expected is not null)
        {
            actual = DigestOf(expected, body);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                throw new ProbeFailureException(FailureClass.DigestMismatch, $"manifest {image.Repository}@{reference}: expected {expected}, the body hashes to {actual}");
            }

            if (headerDigest is not null && expectedDigest is not null && !string.Equals(headerDigest, expectedDigest, StringComparison.Ordinal))
            {
                throw new ProbeFailureException(FailureClass.DigestMismatch, $"manifest {image.Repository}@{reference}: Docker-Content-Digest says {headerDigest}, expected {expectedDigest}");
            }
        }
        else
        {
            actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        }

        return (ManifestDocument.Parse(body, response.Content.Headers.ContentType?.MediaType, $"manifest {image.Repository}@{reference}"), actual);
    }

    private static string DigestOf(string like, byte[] body)
    {
        var algorithm = like.Split(':')[0];
        return algorithm switch
        {
            "sha256" => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)),
            "sha512" => "sha512:" + Convert.ToHexStringLower(SHA512.HashData(body)),
            _ => throw new ProbeFailureException(FailureClass.DigestMismatch, $"unsupported digest algorithm '{algorithm}'"),
        };
    }

    private void EnsureManifestStatus(HttpResponseMessage response, PullReference image, string reference)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var where = $"manifest {image.Repository}:{reference} at {response.RequestMessage?.RequestUri?.Authority}";
        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => new ProbeFailureException(FailureClass.ManifestNotFound, $"{where}: HTTP 404, the repository or tag does not exist"),
            HttpStatusCode.Forbidden => new ProbeFailureException(FailureClass.Forbidden, $"{where}: HTTP 403, the account may not pull this repository"),
            _ => new ProbeFailureException(FailureClass.RegistryError, $"{where}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}"),
        };
    }

    private async Task<LayerMeasurement> FetchBlobAsync(
        PullReference image, Uri baseUri, Descriptor blob, string kind, string scope, PullState state, Stopwatch total, CancellationToken ct)
    {
        var start = total.Elapsed;
        options.Progress?.BlobStarted(blob);
        using var response = await SendAsync(HttpMethod.Get, new Uri($"{baseUri}v2/{image.Repository}/blobs/{blob.Digest}"), scope, accept: false, state, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var where = $"blob {blob.Digest} of {image.Repository}";
            throw response.StatusCode switch
            {
                HttpStatusCode.NotFound => new ProbeFailureException(FailureClass.BlobNotFound, $"{where}: HTTP 404, the manifest references a blob the registry does not have"),
                HttpStatusCode.Forbidden => new ProbeFailureException(FailureClass.Forbidden, $"{where}: HTTP 403"),
                _ => new ProbeFailureException(FailureClass.RegistryError, $"{where}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}"),
            };
        }

        var algorithm = blob.Digest.Split(':')[0] switch
        {
            "sha256" => HashAlgorithmName.SHA256,
            "sha512" => HashAlgorithmName.SHA512,
            var a => throw new ProbeFailureException(FailureClass.DigestMismatch, $"blob {blob.Digest}: unsupported digest algorithm '{a}'"),
        };
        using var hash = IncrementalHash.CreateHash(algorithm);
        var size = options.BufferSize;
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(size), ArrayPool<byte>.Shared.Rent(size) };
        long received = 0;
        double? ttfb = null;
        var hashing = Task.CompletedTask;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            for (var current = 0; ; current ^= 1)
            {
                // Fill one buffer while the other is being hashed: the transfer and SHA-256 (about 2 GB/s with SHA-NI, the
                // same order as loopback) overlap instead of adding up, and each hand-off carries a full buffer.
                var buffer = buffers[current];
                var filled = 0;
                while (filled < size)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(filled, size - filled), ct).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    ttfb ??= (total.Elapsed - start).TotalMilliseconds;
                    filled += n;
                    received += n;
                    if (blob.Size >= 0 && received > blob.Size)
                    {
                        throw new ProbeFailureException(FailureClass.DigestMismatch, $"blob {blob.Digest}: more bytes than the {blob.Size} the manifest declares");
                    }

                    options.Progress?.BlobProgress(blob.Digest, received);
                }

                await hashing.ConfigureAwait(false);
                if (filled == 0)
                {
                    break;
                }

                var count = filled;
                hashing = filled < size
                    ? HashInline(hash, buffer, count) // the last piece: no hand-off
                    : Task.Run(() => hash.AppendData(buffer, 0, count), ct);
            }
        }
        finally
        {
            // The hash task reads a pooled buffer: never return the buffers while it may still run.
            await hashing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }

        var actual = algorithm.Name!.ToLowerInvariant() + ":" + Convert.ToHexStringLower(hash.GetHashAndReset());
        if (blob.Size >= 0 && received != blob.Size)
        {
            throw new ProbeFailureException(FailureClass.DigestMismatch, $"blob {blob.Digest}: received {received} bytes, the manifest declares {blob.Size}");
        }

        if (!string.Equals(actual, blob.Digest, StringComparison.Ordinal))
        {
            throw new ProbeFailureException(FailureClass.DigestMismatch, $"blob {blob.Digest} of {image.Repository}: the bytes received hash to {actual}");
        }

        options.Progress?.BlobCompleted(blob.Digest);
        var end = total.Elapsed;
        return new LayerMeasurement
        {
            Digest = blob.Digest,
            MediaType = blob.MediaType,
            Kind = kind,
            Bytes = received,
            StartMs = start.TotalMilliseconds,
            TtfbMs = ttfb ?? (end - start).TotalMilliseconds,
            DurationMs = (end - start).TotalMilliseconds,
        };
    }

    private static Task HashInline(IncrementalHash hash, byte[] buffer, int count)
    {
        hash.AppendData(buffer, 0, count);
        return Task.CompletedTask;
    }

    /// <summary>Sends a request, answering 401 challenges: at most one fresh auth and one re-auth with a dropped token.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string scope, bool accept, PullState state, CancellationToken ct)
    {
        var host = uri.Authority;
        for (var attempt = 0; ; attempt++)
        {
            var authorization = await auth.AuthorizeAsync(host, scope, ct).ConfigureAwait(false);
            var sw = Stopwatch.StartNew();
            var response = await Redirects.SendAsync(http, method, uri, (request, first) =>
            {
                if (accept)
                {
                    foreach (var a in MediaTypes.ResolveAccept)
                    {
                        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(a));
                    }
                }

                if (first)
                {
                    request.Headers.Authorization = authorization; // never to the host a redirect leads to, as HttpClient does
                }
            }, ct).ConfigureAwait(false);

            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            using (response)
            {
                auth.AddAuthTime(sw.Elapsed);
                if (attempt >= 2 || (attempt >= 1 && authorization?.Scheme == "Basic"))
                {
                    var challenge = AuthChallenge.Parse(response.Headers.TryGetValues("WWW-Authenticate", out var v) ? v : []).FirstOrDefault();
                    var realm = challenge?.Realm ?? auth.RealmOf(host);
                    var who = options.Credentials is null ? "anonymous access" : $"the credentials of '{options.Credentials.Username}'";
                    var detail = challenge?.Error is { } err ? $", error=\"{err}\"" : "";
                    throw new ProbeFailureException(FailureClass.Unauthorized,
                        $"{method} {uri.AbsolutePath} at {host}: HTTP 401 after authenticating, the registry refused {who} for {scope} (realm=\"{realm}\"{detail})");
                }

                auth.OnUnauthorized(host, response, scope, authorization is not null, $"{method} {uri.AbsolutePath} at {host}");
            }

            _ = state;
        }
    }

    public void Dispose() => http.Dispose();

    private sealed class PullState
    {
        private string phase = "starting";

        public string Phase
        {
            get => Volatile.Read(ref phase);
            set => Volatile.Write(ref phase, value);
        }
    }
}
