using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Program;

/// <summary>
/// A Pulumi YAML program (pulumi/pulumi-yaml pkg/pulumiyaml/ast/template.go <c>TemplateDecl</c>; Pulumi YAML reference,
/// https://www.pulumi.com/docs/iac/languages-sdks/yaml/yaml-language-reference/): <c>config</c>, <c>resources</c>,
/// <c>outputs</c>. Written as JSON, which the YAML runtime reads through the same decoder. Insertion order is emission
/// order, which is deterministic.
/// </summary>
public sealed class PulumiProgram
{
    private readonly List<ProgramResource> resources = new();
    private readonly Dictionary<string, ProgramResource> byKey = new(StringComparer.Ordinal);
    private readonly List<ConfigDeclaration> config = new();
    private readonly JsonObject outputs = new();

    public PulumiProgram(string? stackName)
    {
        StackName = stackName;
    }

    /// <summary>The stack the program was emitted for; null for the package-listing program.</summary>
    public string? StackName { get; }

    public IReadOnlyList<ProgramResource> Resources => resources;

    public IReadOnlyList<ConfigDeclaration> Config => config;

    public JsonObject Outputs => outputs;

    public ProgramResource? Find(string key) => byKey.GetValueOrDefault(key);

    public ProgramResource Add(ProgramResource resource)
    {
        if (!byKey.TryAdd(resource.Key, resource))
        {
            var other = byKey[resource.Key];
            throw new StackDefinitionException(resource.Origin?.ToString() ?? resource.Key, "name", resource.Key,
                $"its Pulumi logical name collides with {other.Origin?.ToString() ?? other.Key} ({other.Type}); rename one of them");
        }

        resources.Add(resource);
        return resource;
    }

    /// <summary>Declares a config key once (the first declaration wins; a conflicting redeclaration is a bug).</summary>
    public string DeclareConfig(ConfigDeclaration declaration)
    {
        var existing = config.FirstOrDefault(c => c.Key == declaration.Key);
        if (existing is null)
        {
            config.Add(declaration);
        }
        else if (existing.Type != declaration.Type || existing.Secret != declaration.Secret)
        {
            throw new InvalidOperationException($"config key '{declaration.Key}' declared twice with different types");
        }

        return declaration.Key;
    }

    public JsonObject ToJsonObject()
    {
        var root = new JsonObject();
        if (config.Count > 0)
        {
            var c = new JsonObject();
            foreach (var d in config)
            {
                var o = new JsonObject { ["type"] = d.Type };
                if (d.Secret)
                {
                    o["secret"] = true;
                }

                if (d.Default is not null)
                {
                    o["default"] = d.Default;
                }

                c[d.Key] = o;
            }

            root["config"] = c;
        }

        var r = new JsonObject();
        foreach (var res in resources)
        {
            r[res.Key] = ToJson(res);
        }

        root["resources"] = r;
        if (outputs.Count > 0)
        {
            root["outputs"] = outputs.DeepClone();
        }

        return root;
    }

    private static JsonObject ToJson(ProgramResource res)
    {
        var o = new JsonObject { ["type"] = res.Type };
        if (res.Properties.Count > 0)
        {
            o["properties"] = res.Properties.DeepClone();
        }

        var options = new JsonObject();
        if (res.Provider is not null)
        {
            options["provider"] = Expr.Ref(res.Provider);
        }

        if (res.DependsOn.Count > 0)
        {
            options["dependsOn"] = new JsonArray(res.DependsOn.Distinct(StringComparer.Ordinal).Select(k => (JsonNode?)JsonValue.Create(Expr.Ref(k))).ToArray());
        }

        if (res.AdditionalSecretOutputs.Count > 0)
        {
            options["additionalSecretOutputs"] = new JsonArray(res.AdditionalSecretOutputs.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        if (res.DeleteBeforeReplace)
        {
            options["deleteBeforeReplace"] = true;
        }

        if (res.CreateTimeout is not null)
        {
            options["customTimeouts"] = new JsonObject { ["create"] = res.CreateTimeout };
        }

        if (res.Version is not null)
        {
            options["version"] = res.Version;
        }

        if (res.PluginDownloadUrl is not null)
        {
            options["pluginDownloadURL"] = res.PluginDownloadUrl;
        }

        if (options.Count > 0)
        {
            o["options"] = options;
        }

        return o;
    }

    /// <summary>The program as indented JSON with "\n" line endings and a final newline: byte-identical for the same stack.</summary>
    public string ToJson() => Serialize(ToJsonObject());

    public static string Serialize(JsonNode node)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // Keep '$', '+', '<' etc. readable: the output is a program, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
