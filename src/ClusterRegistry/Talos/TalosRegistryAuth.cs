namespace ClusterRegistry.Talos;

/// <summary>Credentials for one endpoint host (<c>config.&lt;host&gt;.auth</c> or <c>RegistryAuthConfig</c>).</summary>
public sealed class TalosRegistryAuth
{
    /// <summary>The login name, e.g. a robot's <c>FullName</c>. Not secret, but rendered through a variable in GitOps output.</summary>
    public string? Username { get; set; }

    /// <summary>Variable that carries <see cref="Username"/> in GitOps output (a robot's <c>UsernameVariable</c>).</summary>
    public string? UsernameVariable { get; set; }

    public Secret? Password { get; set; }

    /// <summary>A raw <c>auth</c> string (base64 user:password), as in .docker/config.json.</summary>
    public Secret? Auth { get; set; }

    public Secret? IdentityToken { get; set; }
}
