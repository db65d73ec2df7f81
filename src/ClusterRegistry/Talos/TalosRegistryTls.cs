namespace ClusterRegistry.Talos;

/// <summary>TLS settings for one endpoint host (<c>config.&lt;host&gt;.tls</c> or <c>RegistryTLSConfig</c>).</summary>
public sealed class TalosRegistryTls
{
    /// <summary>Skip server certificate verification (not recommended).</summary>
    public bool? InsecureSkipVerify { get; set; }

    /// <summary>CA certificate, PEM text.</summary>
    public string? Ca { get; set; }

    /// <summary>Client certificate, PEM text.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>Client private key.</summary>
    public Secret? ClientKey { get; set; }
}
