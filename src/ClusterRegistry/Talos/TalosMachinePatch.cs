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
}
