namespace ClusterRegistry.Talos;

/// <summary>How a deploying engine applies a <see cref="TalosMachinePatch"/> to its nodes.</summary>
public enum TalosApplyMethod
{
    /// <summary>
    /// <c>talosctl patch machineconfig</c> per node, for clusters whose machine configs live in talhelper/talosctl (the seed's
    /// <c>task talos:apply-node</c> step). Needs <c>talosctl</c> and a talosconfig on the deploying machine.
    /// </summary>
    TalosctlPatch,

    /// <summary>
    /// The Talos provider's <c>ConfigurationApply</c> per node, with the registry patch as <c>configPatches</c> over the node's
    /// machine configuration (taken from stack config).
    /// </summary>
    ConfigurationApply,
}
