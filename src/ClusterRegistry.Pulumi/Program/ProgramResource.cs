using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Program;

/// <summary>One entry of the program's <c>resources</c> map: a logical name, a type token, inputs and options.</summary>
public sealed class ProgramResource
{
    public ProgramResource(string key, string type, Resource? origin = null)
    {
        Key = key;
        Type = type;
        Origin = origin;
    }

    /// <summary>The logical name (the key in <c>resources</c>); also the root of <c>${key.output}</c> references.</summary>
    public string Key { get; }

    /// <summary>The type token, e.g. <c>harbor:index/robotAccount:RobotAccount</c>.</summary>
    public string Type { get; }

    /// <summary>The model resource this entry was emitted for (null for providers and derived resources).</summary>
    public Resource? Origin { get; }

    public JsonObject Properties { get; } = new();

    /// <summary>Logical names of resources this one must wait for (<c>options.dependsOn</c>).</summary>
    public List<string> DependsOn { get; } = new();

    /// <summary>Logical name of an explicit provider resource (<c>options.provider</c>).</summary>
    public string? Provider { get; set; }

    /// <summary>Outputs to mark secret (<c>options.additionalSecretOutputs</c>).</summary>
    public List<string> AdditionalSecretOutputs { get; } = new();

    /// <summary><c>options.version</c>: the package version, pinned so every run needs the same plugins.</summary>
    public string? Version { get; set; }

    /// <summary><c>options.pluginDownloadURL</c>, for third-party (pulumiverse) packages.</summary>
    public string? PluginDownloadUrl { get; set; }

    /// <summary><c>options.deleteBeforeReplace</c>.</summary>
    public bool DeleteBeforeReplace { get; set; }

    /// <summary><c>options.customTimeouts.create</c>, e.g. <c>10m</c>.</summary>
    public string? CreateTimeout { get; set; }
}
