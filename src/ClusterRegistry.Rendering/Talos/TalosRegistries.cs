namespace ClusterRegistry.Rendering.Talos;

/// <summary>
/// The registry configuration Talos hands its CRI renderer (<c>RegistriesConfigSpec</c>): mirrors, auths and TLS
/// settings with every value already as text (secrets as <c>${VAR}</c> placeholders in previews). Built from one or more
/// <see cref="ClusterRegistry.Talos.TalosMachinePatch"/>es by <see cref="TalosRegistriesBuilder"/>, or from test vectors.
/// Ordinal-sorted maps keep the output deterministic (Talos iterates Go maps, whose order carries no meaning).
/// </summary>
public sealed class TalosRegistries
{
    /// <summary>Mirrors keyed by registry name (<c>docker.io</c>, <c>host:port</c>, <c>*</c>).</summary>
    public SortedDictionary<string, MirrorSpec> Mirrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Auth keyed by endpoint host[:port].</summary>
    public SortedDictionary<string, AuthSpec> Auths { get; } = new(StringComparer.Ordinal);

    /// <summary>TLS keyed by endpoint host[:port].</summary>
    public SortedDictionary<string, TlsSpec> Tls { get; } = new(StringComparer.Ordinal);

    public sealed class MirrorSpec
    {
        public List<EndpointSpec> Endpoints { get; } = new();

        public bool SkipFallback { get; set; }
    }

    public sealed record EndpointSpec(string Url, bool OverridePath);

    public sealed class AuthSpec
    {
        public string Username { get; set; } = "";
        public string Password { get; set; } = "";
        public string Auth { get; set; } = "";
        public string IdentityToken { get; set; } = "";
    }

    public sealed class TlsSpec
    {
        public bool InsecureSkipVerify { get; set; }

        /// <summary>CA certificate bytes as text (decoded; PEM in practice), null when unset.</summary>
        public string? Ca { get; set; }

        public string? ClientCertificate { get; set; }

        public string? ClientKey { get; set; }

        public bool HasClientIdentity => ClientCertificate is not null || ClientKey is not null;
    }
}
