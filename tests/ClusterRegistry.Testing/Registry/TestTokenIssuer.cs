using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Testing.Registry;

/// <summary>How the token endpoint shapes its JSON answer (both forms exist in the wild).</summary>
public enum TokenField
{
    /// <summary><c>{"token": …}</c> (distribution's reference service).</summary>
    Token,

    /// <summary><c>{"access_token": …}</c> only (OAuth2 style).</summary>
    AccessToken,

    /// <summary>Harbor's shape: <c>{"token": …, "access_token": ""}</c> — an empty access_token must be ignored.</summary>
    HarborEmptyAccessToken,
}

/// <summary>
/// A small token service for distribution's <c>auth.token</c> (docs: "Token Authentication Specification"): GET
/// <c>/token?service=…&amp;scope=…</c> with optional Basic credentials, answering a JWT signed ES256 with a generated key whose
/// self-signed certificate is the registry's <c>rootcertbundle</c>. The header's <c>kid</c> is the libtrust key ID
/// distribution looks trusted keys up by. Known users get the actions they asked for; anonymous callers get nothing
/// (unless <see cref="AnonymousPull"/>), and wrong passwords get 401 like Harbor.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string keyId;
    private readonly Dictionary<string, string> users = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int requests;
    private int forgeNext;

    public TestTokenIssuer(string directory, string service = "test-registry", string issuer = "test-issuer")
    {
        Service = service;
        Issuer = issuer;
        var req = new CertificateRequest("CN=test token issuer", key, HashAlgorithmName.SHA256);
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        RootCertBundlePath = Path.Combine(directory, "token-root.pem");
        File.WriteAllText(RootCertBundlePath, cert.ExportCertificatePem() + "\n");
        keyId = LibtrustKeyId(key.ExportSubjectPublicKeyInfo());
        Port = Loopback.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Service { get; }

    public string Issuer { get; }

    public int Port { get; }

    public string Realm => $"http://127.0.0.1:{Port}/token";

    public string RootCertBundlePath { get; }

    public TokenField Field { get; set; } = TokenField.Token;

    /// <summary>
    /// The next <paramref name="count"/> tokens are signed with a key the registry does not trust, so the registry answers
    /// 401 <c>invalid_token</c> to them (a rotated signing key, a token revoked by the registry).
    /// </summary>
    public void ForgeNextTokens(int count) => Volatile.Write(ref forgeNext, count);

    /// <summary>Whether anonymous callers are granted pull (a public project).</summary>
    public bool AnonymousPull { get; set; }

    /// <summary><c>expires_in</c> of issued tokens, seconds.</summary>
    public int ExpiresInSeconds { get; set; } = 300;

    /// <summary>Token requests served so far.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>Scopes asked for, in order.</summary>
    public List<string> ScopesRequested { get; } = new();

    public void AddUser(string name, string password) => users[name] = password;

    /// <summary>distribution's libtrust key ID: base32 of the first 240 bits of SHA-256(SPKI DER), in groups of 4 joined by ':'.</summary>
    public static string LibtrustKeyId(byte[] subjectPublicKeyInfo)
    {
        var hash = SHA256.HashData(subjectPublicKeyInfo).AsSpan(0, 30).ToArray();
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in hash)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        var s = sb.ToString();
        return string.Join(":", Enumerable.Range(0, s.Length / 4).Select(i => s.Substring(i * 4, 4)));
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            try
            {
                Handle(ctx);
            }
            catch (Exception e)
            {
                ctx.Response.StatusCode = 500;
                var b = Encoding.UTF8.GetBytes(e.Message);
                ctx.Response.OutputStream.Write(b);
            }
            finally
            {
                ctx.Response.Close();
            }
        }
    }

    private void Handle(HttpListenerContext ctx)
    {
        Interlocked.Increment(ref requests);
        var q = ctx.Request.QueryString;
        var scopes = (q.GetValues("scope") ?? []).SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        lock (ScopesRequested)
        {
            ScopesRequested.AddRange(scopes);
        }

        string? user = null;
        var authz = ctx.Request.Headers["Authorization"];
        if (authz is not null && authz.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authz[6..]));
            var colon = decoded.IndexOf(':');
            var name = decoded[..colon];
            if (!users.TryGetValue(name, out var pw) || pw != decoded[(colon + 1)..])
            {
                ctx.Response.StatusCode = 401;
                ctx.Response.AddHeader("WWW-Authenticate", "Basic realm=\"test-issuer\"");
                return;
            }

            user = name;
        }

        var access = new List<object>();
        foreach (var scope in scopes)
        {
            // resourcetype:resourcename:actions, where the name may hold one ':' (a port): split first and last.
            var first = scope.IndexOf(':');
            var last = scope.LastIndexOf(':');
            if (first < 0 || last == first)
            {
                continue;
            }

            var granted = user is not null || AnonymousPull
                ? scope[(last + 1)..].Split(',').Where(a => user is not null || a == "pull").ToArray()
                : [];
            if (granted.Length > 0)
            {
                access.Add(new { type = scope[..first], name = scope[(first + 1)..last], actions = granted });
            }
        }

        var now = DateTimeOffset.UtcNow;
        var header = new { typ = "JWT", alg = "ES256", kid = keyId };
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = Issuer,
            ["sub"] = user ?? "",
            ["aud"] = q["service"] ?? Service,
            ["exp"] = now.AddSeconds(ExpiresInSeconds).ToUnixTimeSeconds(),
            ["nbf"] = now.AddSeconds(-30).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access,
        };
        var signingInput = B64(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + B64(JsonSerializer.SerializeToUtf8Bytes(claims));
        using var forger = Interlocked.Decrement(ref forgeNext) >= 0 ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var signature = (forger ?? key).SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var jwt = signingInput + "." + B64(signature);
        var body = Field switch
        {
            TokenField.AccessToken => JsonSerializer.Serialize(new { access_token = jwt, expires_in = ExpiresInSeconds }),
            TokenField.HarborEmptyAccessToken => JsonSerializer.Serialize(new { token = jwt, access_token = "", expires_in = ExpiresInSeconds, issued_at = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) }),
            _ => JsonSerializer.Serialize(new { token = jwt, expires_in = ExpiresInSeconds }),
        };
        ctx.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        ctx.Response.OutputStream.Write(bytes);
    }

    private static string B64(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        key.Dispose();
    }
}
