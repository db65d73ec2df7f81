namespace ClusterRegistry.Charts;

/// <summary>The signing technology of <see cref="ChartVerification"/> (<c>verify.provider</c>).</summary>
public enum ChartVerificationProvider
{
    /// <summary>Sigstore cosign, with a public key or keyless (Fulcio certificate, matched by OIDC issuer and subject).</summary>
    Cosign,

    /// <summary>CNCF Notary Project notation, with a trust policy and certificates in a Secret.</summary>
    Notation,
}
