using ClusterRegistry;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.BrokenStacks;

/// <summary>
/// Spegel values copied from a pre-0.1.0 guide into a 0.7.4 release: <c>appendMirrors</c> (renamed prependExisting, so
/// Helm drops it: CRG111), and a values tree that turns off what a typed property turns on (CRG003), which leaves
/// Spegel replacing the Talos mirror (CRG102 on the value the release really gets).
/// </summary>
public sealed class SpegelValuesMistakesStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "CRG003,CRG102,CRG111";

    public SpegelValuesMistakesStack() : base("broken-spegelvaluesmistakes")
    {
        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            Values =
            {
                ["spegel"] = new HelmValues
                {
                    ["appendMirrors"] = true,
                    ["prependExisting"] = false,
                },
            },
        });

        new TalosMachinePatch("registries", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Nodes = { "192.168.1.98" },
            Mirrors = { ["docker.io"] = new TalosMirror { Endpoints = { "https://mirror.gcr.io" } } },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
    }
}
