namespace ClusterRegistry.Probe.Failures;

/// <summary>Why a pull failed, in the terms an operator acts on. Serialized in kebab-case in JSON and history.</summary>
public enum FailureClass
{
    /// <summary>The registry or token-service name does not resolve (on a node: /etc/hosts or node DNS).</summary>
    Dns,

    /// <summary>Nothing listens at the address (wrong port, service down).</summary>
    ConnectionRefused,

    /// <summary>The connection was established and then dropped before the transfer finished.</summary>
    ConnectionLost,

    /// <summary>The TLS handshake failed (plain HTTP port dialed with https, untrusted certificate, wrong name).</summary>
    Tls,

    /// <summary>401: the credentials (or missing credentials) were refused; the message names the realm that asked.</summary>
    Unauthorized,

    /// <summary>403: authenticated but not allowed to pull the repository.</summary>
    Forbidden,

    /// <summary>404 on the manifest: unknown repository or tag.</summary>
    ManifestNotFound,

    /// <summary>404 on a blob the manifest references.</summary>
    BlobNotFound,

    /// <summary>The bytes received do not hash to the digest they were requested by (or their declared size).</summary>
    DigestMismatch,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>The registry answered with an error status (5xx, unexpected 4xx) or a malformed document.</summary>
    RegistryError,

    /// <summary>The container runtime (CRI) refused or failed the pull for a reason it reported as text.</summary>
    RuntimeError,

    /// <summary>Anything else (the message says what).</summary>
    Other,
}
