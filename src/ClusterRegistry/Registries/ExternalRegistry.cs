using System.Runtime.CompilerServices;

namespace ClusterRegistry.Registries;

/// <summary>
/// A registry outside the cluster: Harbor on a VM, zot, distribution, a cloud registry. Nothing is installed for it (no
/// HelmRelease, no Pulumi resource); Talos mirrors, auth and TLS for it are declared on a <see cref="Talos.TalosMachinePatch"/>
/// like for an in-cluster Harbor, and the mirror, auth, scheme and fallback rules judge them against it.
/// </summary>
public sealed class ExternalRegistry : Resource
{
    public ExternalRegistry(string name, ExternalRegistryArgs args, [CallerFilePath] string sourceFile = "", [CallerLineNumber] int sourceLine = 0)
        : base(name, sourceFile, sourceLine)
    {
        Args = args ?? throw new StackDefinitionException(name, "args", "null", "ExternalRegistryArgs are required");
    }

    public ExternalRegistryArgs Args { get; }

    /// <summary><c>http</c> or <c>https</c>: the scheme of <see cref="ExternalRegistryArgs.Url"/> (null when it is not a URL).</summary>
    public string? Scheme => Uri.TryCreate(Args.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.Scheme : null;

    /// <summary>The host[:port] image references use (default ports dropped), e.g. <c>harbor.example.com</c>; null when the URL is malformed.</summary>
    public string? RegistryHost => Uri.TryCreate(Args.Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
        ? (u.IsDefaultPort ? u.Host : $"{u.Host}:{u.Port}")
        : null;
}
