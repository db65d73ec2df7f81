namespace ClusterRegistry.Pulumi.Program;

/// <summary>Settings of the emitted program that are not part of the topology.</summary>
public sealed class ProgramOptions
{
    /// <summary>
    /// Default of the <c>stacksCommand</c> config key: the already-built stacks program, relative to the project directory
    /// (where Pulumi runs commands). <c>stacks/build-compiler.sh</c> puts it there.
    /// </summary>
    public string StacksCommand { get; init; } = "./artifacts/stacks/stacks";

    /// <summary>
    /// Default of the <c>clusterregistryCommand</c> config key: the native probe binary that
    /// <c>src/ClusterRegistry.Tool/build-native.sh</c> writes; the probe command falls back to <see cref="StacksCommand"/>
    /// when it is not there.
    /// </summary>
    public string ClusterRegistryCommand { get; init; } = "./artifacts/clusterregistry/clusterregistry";

    /// <summary>Default of the <c>talosconfig</c> config key: the talosconfig talhelper writes (the seed's layout).</summary>
    public string TalosConfigPath { get; init; } = "talos/clusterconfig/talosconfig";

    public static ProgramOptions Default { get; } = new();
}
