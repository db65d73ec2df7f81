namespace ClusterRegistry.Rendering;

/// <summary>What <see cref="Synthesizer"/> renders.</summary>
public enum SynthTarget
{
    /// <summary>The Flux/Talos GitOps tree.</summary>
    GitOps,

    /// <summary>The node view: <c>&lt;node&gt;/etc/...</c> per node.</summary>
    Node,

    /// <summary>Both: <c>gitops/...</c> and <c>nodes/&lt;node&gt;/...</c>.</summary>
    All,
}
