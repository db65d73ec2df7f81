namespace ClusterRegistry.Testing.Registry;

/// <summary>How a <see cref="RegistryProcess"/> authenticates pulls.</summary>
public enum RegistryAuthMode
{
    None,

    /// <summary>distribution's <c>auth.htpasswd</c> (bcrypt), i.e. Basic challenges.</summary>
    Htpasswd,

    /// <summary>distribution's <c>auth.token</c> with a <see cref="TestTokenIssuer"/>, i.e. Bearer challenges as Harbor sends them.</summary>
    Token,
}
