using System.Runtime.CompilerServices;

namespace ClusterRegistry.Talos;

/// <summary>A Talos machine-config patch (registries, auth, host entries, files) for a set of nodes.</summary>
public sealed class TalosMachinePatch : Resource
{
    public TalosMachinePatch(string name, TalosMachinePatchArgs args, [CallerFilePath] string sourceFile = "", [CallerLineNumber] int sourceLine = 0)
        : base(name, sourceFile, sourceLine)
    {
        Args = args ?? throw new StackDefinitionException(name, "args", "null", "TalosMachinePatchArgs are required");
    }

    public TalosMachinePatchArgs Args { get; }

    /// <summary>The parsed <see cref="TalosMachinePatchArgs.TalosVersion"/>; throws a <see cref="StackDefinitionException"/> when malformed.</summary>
    public TalosVersion Version => TalosVersion.TryParse(Args.TalosVersion, out var v)
        ? v
        : throw new StackDefinitionException(Name, "TalosVersion", Args.TalosVersion ?? "", "expected a Talos version such as v1.11");

    /// <summary>
    /// True when registries and host entries render as documents (<c>RegistryMirrorConfig</c>, …), false for the legacy
    /// <c>machine.*</c> fields; throws a <see cref="StackDefinitionException"/> for documents on a version before v1.12.
    /// </summary>
    public bool RendersRegistryDocuments => Args.RegistryConfigForm switch
    {
        TalosConfigForm.Legacy => false,
        TalosConfigForm.Documents when !Version.UsesMultiDocRegistryConfig => throw new StackDefinitionException(Name, "RegistryConfigForm", "Documents",
            $"Talos {Version} has no RegistryMirrorConfig documents (they arrived in v1.12); use Legacy or Auto"),
        TalosConfigForm.Documents => true,
        _ => Version.UsesMultiDocRegistryConfig,
    };
}
