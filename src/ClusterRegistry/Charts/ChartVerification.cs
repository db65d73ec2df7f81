namespace ClusterRegistry.Charts;

/// <summary>
/// <c>OCIRepository.spec.verify</c>: Flux's source-controller refuses an artifact whose signature does not verify. Either a
/// key (cosign public keys or a notation trust policy and certificates in <see cref="SecretName"/>), or cosign keyless
/// signing matched by <see cref="MatchOidcIdentity"/>.
/// </summary>
public sealed class ChartVerification
{
    /// <summary><c>provider</c>: <c>cosign</c> (Flux's default) or <c>notation</c>.</summary>
    public ChartVerificationProvider Provider { get; set; } = ChartVerificationProvider.Cosign;

    /// <summary>
    /// <c>secretRef.name</c>: a Secret in the release's namespace with the trusted keys (cosign <c>*.pub</c>) or the notation
    /// trust policy and certificates. Required for notation; null for cosign keyless.
    /// </summary>
    public string? SecretName { get; set; }

    /// <summary><c>matchOIDCIdentity</c>: for cosign keyless signatures, the Fulcio certificate identities to accept (any one matching).</summary>
    public List<OidcIdentityMatch> MatchOidcIdentity { get; } = new();
}
