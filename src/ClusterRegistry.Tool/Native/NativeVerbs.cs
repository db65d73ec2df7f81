using ClusterRegistry.Cli;
using ClusterRegistry.Cli.Verbs;

namespace ClusterRegistry.Tool.Native;

/// <summary>
/// The verbs of the native <c>clusterregistry</c> binary (<c>build-native.sh</c>, Native AOT). Only <c>probe</c> (and <c>completion</c>) runs here:
/// every other verb needs a stack, which only the stacks program has, and pulls in code that cannot be trimmed (YAML and
/// Pulumi rendering by reflection). Those names answer with one line and exit 2 (<see cref="UnavailableVerb"/>) instead of
/// "unknown verb". Inside <c>probe</c>, <c>--via kubernetes</c> and <c>probe report</c> are switched off by the
/// <see cref="ClusterRegistry.Probe.ProbeFeatures"/> feature switches the publish sets.
/// </summary>
internal static class NativeVerbs
{
    /// <summary>The verbs of the JIT build that the native binary leaves out.</summary>
    internal static readonly string[] LeftOut = ["check", "compile", "diff", "doctor", "import", "preview", "sandbox", "synth", "up"];

    internal static IReadOnlyList<IVerb> All { get; } =
        new IVerb[] { new ProbeVerb(), new CompletionVerb() }
            .Concat(LeftOut.Select(n => (IVerb)new UnavailableVerb(n)))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToArray();
}
