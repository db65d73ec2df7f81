namespace ClusterRegistry.Probe.Oci;

/// <summary>How <see cref="RegistryPuller"/> reaches and authenticates to the registry.</summary>
public sealed class RegistryPullOptions
{
    /// <summary>
    /// The base URL to talk to instead of the reference's registry (e.g. a mirror endpoint, <c>http://127.0.0.1:5000</c>).
    /// Null: <c>https://&lt;registry&gt;</c>, or <c>http://</c> with <see cref="PlainHttp"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Use plain HTTP to the reference's registry (Harbor with <c>expose.tls.enabled=false</c>).</summary>
    public bool PlainHttp { get; set; }

    /// <summary>Accept any TLS certificate (the equivalent of <c>skip_verify</c>).</summary>
    public bool InsecureSkipVerify { get; set; }

    public RegistryCredentials? Credentials { get; set; }

    /// <summary>The platform to pick from an index.</summary>
    public Platform Platform { get; set; } = Platform.Current;

    /// <summary>Concurrent blob downloads (containerd's CRI default <c>max_concurrent_downloads</c> is 3).</summary>
    public int Parallelism { get; set; } = 3;

    /// <summary>The whole pull must finish within this; a probe never hangs.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Read buffer per blob stream, two per stream (one filling while the other is hashed): memory use is twice this times
    /// <see cref="Parallelism"/>, whatever the image size.
    /// </summary>
    public int BufferSize { get; set; } = 256 * 1024;

    public IPullProgress? Progress { get; set; }

    /// <summary>
    /// Before the first measured pull of the process, pull a tiny image from an in-process loopback responder so the
    /// runtime's first-use costs (JIT, HTTP stack start-up) stay out of the figure (<see cref="PullWarmUp"/>).
    /// </summary>
    public bool WarmUp { get; set; } = true;
}
