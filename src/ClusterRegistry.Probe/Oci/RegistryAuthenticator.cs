using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe.Oci;

/// <summary>
/// The registry auth flow as distribution and Harbor implement it (distribution/distribution
/// docs/content/spec/auth/token.md; goharbor/harbor src/common/models/token.go, src/core/middlewares/middlewares.go;
/// containerd core/remotes/docker/auth/fetch.go): remember each host's challenge, fetch Bearer tokens with a GET to the
/// realm (<c>service</c>, <c>scope</c>, Basic credentials when we have them), prefer <c>access_token</c> when non-empty
/// else <c>token</c>, cache per (realm, service, scope) until <c>issued_at + expires_in</c> minus a skew, with one
/// fetch in flight per key, and drop the cached token when the registry answers 401 to it. Basic challenges get the
/// credentials directly. Time spent here is accounted apart from the transfer.
/// </summary>
public sealed class RegistryAuthenticator
{
    /// <summary>The largest token answer read: a JWT with its JSON wrapper is a few KiB; Harbor's are under 4 KiB.</summary>
    public const int MaxTokenResponseBytes = 1 << 20;

    private static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(10);

    private readonly HttpClient http;
    private readonly RegistryCredentials? credentials;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, AuthChallenge> challengeByHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedToken>>> tokens = new(StringComparer.Ordinal);
    private long authTicks;
    private int tokenRequests;

    public RegistryAuthenticator(HttpClient http, RegistryCredentials? credentials, TimeProvider? time = null)
    {
        this.http = http;
        this.credentials = credentials;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Wall time spent on 401 round trips and token requests.</summary>
    public TimeSpan AuthTime => TimeSpan.FromTicks(Interlocked.Read(ref authTicks));

    /// <summary>Token requests sent to a realm.</summary>
    public int TokenRequests => Volatile.Read(ref tokenRequests);

    /// <summary>The realm of the last challenge seen for <paramref name="host"/>, for error messages.</summary>
    public string? RealmOf(string host) => challengeByHost.TryGetValue(host, out var c) ? c.Realm : null;

    internal void AddAuthTime(TimeSpan t) => Interlocked.Add(ref authTicks, t.Ticks);

    /// <summary>The Authorization header for a request to <paramref name="host"/> needing <paramref name="scope"/>, or null before any challenge.</summary>
    public async Task<AuthenticationHeaderValue?> AuthorizeAsync(string host, string scope, CancellationToken ct)
    {
        if (!challengeByHost.TryGetValue(host, out var challenge))
        {
            return null;
        }

        if (challenge.Scheme == "basic")
        {
            return credentials is null ? null : new AuthenticationHeaderValue("Basic", credentials.BasicParameter);
        }

        var token = await GetTokenAsync(challenge, scope, ct).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>
    /// Records the challenge of a 401 from <paramref name="host"/>. When <paramref name="sentAuthorization"/> is true the
    /// credentials we sent were refused: the cached token for the scope is dropped so the next attempt fetches a fresh one.
    /// Throws a classified failure when no retry can help (no challenge, or Basic without credentials).
    /// </summary>
    public void OnUnauthorized(string host, HttpResponseMessage response, string scope, bool sentAuthorization, string what)
    {
        var values = response.Headers.TryGetValues("WWW-Authenticate", out var v) ? v : [];
        var challenges = AuthChallenge.Parse(values);
        var challenge = challenges.FirstOrDefault(c => c.Scheme is "bearer" or "basic");
        if (challenge is null)
        {
            throw new ProbeFailureException(FailureClass.Unauthorized,
                $"{what}: HTTP 401 without a usable WWW-Authenticate challenge ({string.Join("; ", values)})");
        }

        challengeByHost[host] = challenge;
        if (challenge.Scheme == "basic" && credentials is null)
        {
            throw new ProbeFailureException(FailureClass.Unauthorized,
                $"{what}: HTTP 401, the registry asks for Basic credentials (realm=\"{challenge.Realm}\") and none were given");
        }

        if (sentAuthorization && challenge.Scheme == "bearer")
        {
            tokens.TryRemove(CacheKey(challenge, scope), out _);
        }
    }

    private static string CacheKey(AuthChallenge c, string scope) => $"{c.Realm}\n{c.Service}\n{scope}";

    private async Task<string> GetTokenAsync(AuthChallenge challenge, string scope, CancellationToken ct)
    {
        var key = CacheKey(challenge, scope);
        while (true)
        {
            var lazy = tokens.GetOrAdd(key, _ => new Lazy<Task<CachedToken>>(() => FetchTokenAsync(challenge, scope, ct)));
            CachedToken token;
            try
            {
                token = await lazy.Value.ConfigureAwait(false);
            }
            catch
            {
                tokens.TryRemove(new KeyValuePair<string, Lazy<Task<CachedToken>>>(key, lazy));
                throw;
            }

            if (token.ExpiresAt > time.GetUtcNow())
            {
                return token.Value;
            }

            tokens.TryRemove(new KeyValuePair<string, Lazy<Task<CachedToken>>>(key, lazy));
        }
    }

    private async Task<CachedToken> FetchTokenAsync(AuthChallenge challenge, string scope, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(challenge.Realm) || !Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm))
        {
            throw new ProbeFailureException(FailureClass.Unauthorized, $"the Bearer challenge has no usable realm ({challenge})");
        }

        var query = new List<string>();
        if (!string.IsNullOrEmpty(challenge.Service))
        {
            query.Add("service=" + Uri.EscapeDataString(challenge.Service));
        }

        foreach (var s in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Add("scope=" + Uri.EscapeDataString(s));
        }

        var builder = new UriBuilder(realm);
        var existing = builder.Query.TrimStart('?');
        builder.Query = string.Join("&", new[] { existing }.Where(q => q.Length > 0).Concat(query));
        var what = $"token request to realm {challenge.Realm}";
        var sw = Stopwatch.StartNew();
        Interlocked.Increment(ref tokenRequests);
        try
        {
            var response = await Redirects.SendAsync(http, HttpMethod.Get, builder.Uri, (request, first) =>
            {
                if (credentials is not null && first)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicParameter);
                }
            }, ct).ConfigureAwait(false);

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    var who = credentials is null ? "anonymous access" : $"the credentials of '{credentials.Username}'";
                    throw new ProbeFailureException(
                        response.StatusCode == HttpStatusCode.Unauthorized ? FailureClass.Unauthorized : FailureClass.Forbidden,
                        $"{what}: HTTP {(int)response.StatusCode}, the token service refused {who} (realm=\"{challenge.Realm}\", service=\"{challenge.Service}\")");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new ProbeFailureException(FailureClass.RegistryError, $"{what}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                var body = await BoundedBody.ReadAsync(response.Content, MaxTokenResponseBytes, what, "the most a token answer may be here", ct).ConfigureAwait(false);
                return ParseToken(body, time.GetUtcNow(), what);
            }
        }
        finally
        {
            AddAuthTime(sw.Elapsed);
        }
    }

    /// <summary>Reads a token response: <c>access_token</c> when non-empty, else <c>token</c>; expiry from <c>issued_at</c>/<c>expires_in</c>.</summary>
    internal static CachedToken ParseToken(byte[] body, DateTimeOffset now, string what)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ProbeFailureException(FailureClass.Unauthorized, $"{what}: the token response is JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            string? Get(string name) => root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var value = Get("access_token") is { Length: > 0 } at ? at : Get("token");
            if (string.IsNullOrEmpty(value))
            {
                throw new ProbeFailureException(FailureClass.Unauthorized, $"{what}: the response has neither 'token' nor 'access_token'");
            }

            var expiresIn = root.TryGetProperty("expires_in", out var ei) && ei.TryGetInt32(out var secs) && secs > 0 ? secs : 60;
            var issuedAt = Get("issued_at") is { } ia && DateTimeOffset.TryParse(ia, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : now;
            var expiresAt = issuedAt + TimeSpan.FromSeconds(expiresIn) - ExpirySkew;
            // A clock skewed against the token service must not make a fresh token look expired (and refetch forever).
            return new CachedToken(value, expiresAt > now ? expiresAt : now + TimeSpan.FromSeconds(5));
        }
        catch (JsonException e)
        {
            throw new ProbeFailureException(FailureClass.Unauthorized, $"{what}: the token response is not JSON ({e.Message})", e);
        }
    }

    internal sealed record CachedToken(string Value, DateTimeOffset ExpiresAt);
}
