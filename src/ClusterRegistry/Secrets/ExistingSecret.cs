using System.Runtime.CompilerServices;

namespace ClusterRegistry;

/// <summary>
/// A Kubernetes Secret that something else manages (an ExternalSecret, SOPS, a SealedSecret, Infisical), referenced by name
/// and key from chart values (<c>HarborArgs.ExistingAdminPasswordSecret</c>, <c>existingSecret…</c> keys in
/// <c>Values</c>). Nothing is rendered for it, and the stack never generates a Secret of the same name in the same
/// namespace (validation refuses it).
/// </summary>
public sealed class ExistingSecret : Resource
{
    public ExistingSecret(string name, ExistingSecretArgs args, [CallerFilePath] string sourceFile = "", [CallerLineNumber] int sourceLine = 0)
        : base(name, sourceFile, sourceLine)
    {
        Args = args ?? throw new StackDefinitionException(name, "args", "null", "ExistingSecretArgs are required");
    }

    public ExistingSecretArgs Args { get; }

    /// <summary>The Secret's <c>metadata.name</c>.</summary>
    public string SecretName => Args.SecretName ?? Name;
}
