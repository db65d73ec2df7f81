namespace ClusterRegistry;

/// <summary>What manages an <see cref="ExistingSecret"/> (for messages and docs; nothing is rendered for any of them).</summary>
public enum SecretManager
{
    /// <summary>external-secrets.io <c>ExternalSecret</c>.</summary>
    ExternalSecret,

    /// <summary>A SOPS-encrypted Secret manifest that Flux decrypts.</summary>
    Sops,

    /// <summary>Bitnami <c>SealedSecret</c>.</summary>
    SealedSecret,

    /// <summary>Infisical's <c>InfisicalSecret</c> operator.</summary>
    Infisical,

    /// <summary>Anything else (a CNPG-generated Secret, a manual <c>kubectl create secret</c>, …).</summary>
    Other,
}
