using System.Net;
using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Testing.Registry;

/// <summary>
/// A real CNCF distribution registry (Debian's <c>docker-registry</c>, the registry inside Harbor) on a loopback address
/// with its own config and storage folder: no auth, htpasswd (Basic) or token (Bearer) auth. Stop it with
/// <see cref="Stop"/> (a fault) or dispose it.
/// </summary>
public sealed class RegistryProcess : IDisposable
{
    public const string Binary = "/usr/bin/docker-registry";

    private readonly BackgroundProcess process;

    private RegistryProcess(string directory, string address, int port, BackgroundProcess process, TestTokenIssuer? issuer, string? user, string? password)
    {
        Directory = directory;
        Address = address;
        Port = port;
        this.process = process;
        TokenIssuer = issuer;
        Username = user;
        Password = password;
    }

    public string Directory { get; }

    public string Address { get; }

    public int Port { get; }

    /// <summary><c>address:port</c> (just the address for port 80), as image references name it.</summary>
    public string Host => Port == 80 ? Address : $"{Address}:{Port}";

    public string Url => $"http://{Host}";

    /// <summary>The storage root (<c>docker/registry/v2/…</c> lies under it).</summary>
    public string StorageRoot => Path.Combine(Directory, "data");

    public TestTokenIssuer? TokenIssuer { get; }

    public string? Username { get; }

    public string? Password { get; }

    public bool IsRunning => !process.HasExited;

    /// <summary>Starts a registry. <paramref name="address"/>/<paramref name="port"/> default to 127.0.0.1 and a free port.</summary>
    public static async Task<RegistryProcess> StartAsync(
        string directory, RegistryAuthMode auth = RegistryAuthMode.None, string username = "robot$pull", string password = "pull-secret-1",
        string address = "127.0.0.1", int? port = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        var p = port ?? Loopback.FreePort(address);
        TestTokenIssuer? issuer = null;
        var authSection = "";
        switch (auth)
        {
            case RegistryAuthMode.Htpasswd:
                var htpasswd = Path.Combine(directory, "htpasswd");
                var line = await ExternalProcess.RunAsync("/usr/bin/htpasswd", ["-niB", username], TimeSpan.FromSeconds(30), stdin: password + "\n");
                line.EnsureSuccess("htpasswd");
                File.WriteAllText(htpasswd, line.StandardOutput.Trim() + "\n");
                authSection = $"auth:\n  htpasswd:\n    realm: test-registry-realm\n    path: {htpasswd}\n";
                break;
            case RegistryAuthMode.Token:
                issuer = new TestTokenIssuer(directory);
                issuer.AddUser(username, password);
                authSection = $"auth:\n  token:\n    realm: {issuer.Realm}\n    service: {issuer.Service}\n    issuer: {issuer.Issuer}\n    rootcertbundle: {issuer.RootCertBundlePath}\n";
                break;
        }

        var config = Path.Combine(directory, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(directory, "data")}
              delete:
                enabled: true
            http:
              addr: {address}:{p}
              secret: {Guid.NewGuid():N}
            health:
              storagedriver:
                enabled: false
            {authSection}
            """.Replace("\r\n", "\n"));
        var bg = BackgroundProcess.Start(Binary, ["serve", config], Path.Combine(directory, "registry.log"),
            new Dictionary<string, string> { ["OTEL_TRACES_EXPORTER"] = "none" });
        var registry = new RegistryProcess(directory, address, p, bg, issuer, auth == RegistryAuthMode.None ? null : username, auth == RegistryAuthMode.None ? null : password);
        try
        {
            await Loopback.WaitForListenerAsync(address, p, TimeSpan.FromSeconds(20), () => !bg.HasExited);
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            var v2 = await http.GetAsync($"http://{address}:{p}/v2/");
            if (v2.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Unauthorized))
            {
                throw new InvalidOperationException($"registry /v2/ answered {(int)v2.StatusCode}");
            }
        }
        catch (Exception e)
        {
            var log = bg.ReadLog();
            registry.Dispose();
            throw new InvalidOperationException($"docker-registry did not start on {address}:{p}: {e.Message}\n{log}", e);
        }

        return registry;
    }

    /// <summary>The file holding a blob's bytes in the storage folder (to corrupt or delete it).</summary>
    public string BlobDataPath(string digest)
    {
        var hex = digest.Split(':')[1];
        return Path.Combine(StorageRoot, "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");
    }

    public string ReadLog() => process.ReadLog();

    /// <summary>Kills the registry (a fault: connections drop, new ones are refused).</summary>
    public void Stop() => process.Kill();

    public void Dispose()
    {
        process.Dispose();
        TokenIssuer?.Dispose();
    }
}
