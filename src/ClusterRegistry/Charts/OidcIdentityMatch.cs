namespace ClusterRegistry.Charts;

/// <summary>One <c>verify.matchOIDCIdentity</c> entry: Go regular expressions over the signing certificate's OIDC issuer and subject.</summary>
public sealed class OidcIdentityMatch
{
    /// <summary><c>issuer</c>, e.g. <c>^https://token.actions.githubusercontent.com$</c>.</summary>
    public string Issuer { get; set; } = "";

    /// <summary><c>subject</c>, e.g. <c>^https://github.com/spegel-org/spegel.*$</c>.</summary>
    public string Subject { get; set; } = "";
}
