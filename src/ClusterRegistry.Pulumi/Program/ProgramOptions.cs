namespace ClusterRegistry.Pulumi.Program;

/// <summary>Settings of the emitted program that are not part of the topology.</summary>
public sealed class ProgramOptions
{
    /// <summary>
    /// Default of the <c>stacksCommand</c> config key: the already-built stacks program, relative to the project directory
    /// (where Pulumi runs commands). <see cref="ForProject"/> takes it from Pulumi.yaml's compiler command.
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

    /// <summary>
    /// The options for the Pulumi project in <paramref name="directory"/>: the probe runs the same built program that
    /// Pulumi.yaml's <c>runtime.options.compiler</c> names (its first word), whatever the project calls it. Without a
    /// Pulumi.yaml, or without a compiler there, <see cref="Default"/>.
    /// </summary>
    public static ProgramOptions ForProject(string directory)
    {
        var file = Path.Combine(directory, "Pulumi.yaml");
        if (!File.Exists(file))
        {
            return Default;
        }

        try
        {
            var yaml = new YamlDotNet.RepresentationModel.YamlStream();
            using (var reader = new StringReader(File.ReadAllText(file)))
            {
                yaml.Load(reader);
            }

            if (yaml.Documents.Count > 0
                && yaml.Documents[0].RootNode is YamlDotNet.RepresentationModel.YamlMappingNode root
                && Child(root, "runtime") is YamlDotNet.RepresentationModel.YamlMappingNode runtime
                && Child(runtime, "options") is YamlDotNet.RepresentationModel.YamlMappingNode options
                && Child(options, "compiler") is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { Length: > 0 } compiler })
            {
                var command = compiler.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return new ProgramOptions { StacksCommand = command, TalosConfigPath = Default.TalosConfigPath };
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // Pulumi reports a malformed Pulumi.yaml itself; the default is as good as anything here.
        }

        return Default;
    }

    private static YamlDotNet.RepresentationModel.YamlNode? Child(YamlDotNet.RepresentationModel.YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode(key), out var value) ? value : null;
}
