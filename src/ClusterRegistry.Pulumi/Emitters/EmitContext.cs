using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Pulumi.Sources;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>State shared by the emitters while one stack's program is built.</summary>
public sealed class EmitContext
{
    public EmitContext(Stack stack, PulumiProgram program, IManifestSource manifests, ProgramOptions options)
    {
        Stack = stack;
        Program = program;
        Manifests = manifests;
        Options = options;
        Secrets = SecretReferences.For(stack, program, LogicalNames.Robot);
    }

    public Stack Stack { get; }

    public PulumiProgram Program { get; }

    public IManifestSource Manifests { get; }

    public ProgramOptions Options { get; }

    public SecretReferences Secrets { get; }

    /// <summary>Logical names of the Namespace resources, by Kubernetes namespace.</summary>
    public Dictionary<string, string> NamespaceKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The logical name of the resource that installs a model resource (Harbor/Spegel), by model resource.</summary>
    public Dictionary<Resource, string> InstalledBy { get; } = new(ReferenceEqualityComparer.Instance);

    public ProgramResource Add(ProgramResource resource) => Program.Add(PulumiPackages.Pin(resource));

    /// <summary>Rendered JSON with <c>${VAR}</c> placeholders → program JSON: placeholders become references, other <c>$</c> literal.</summary>
    public JsonNode? Interpolate(JsonNode? node) => node switch
    {
        JsonObject o => InterpolateObject(o),
        JsonArray a => new JsonArray(a.Select(Interpolate).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(Expr.Interpolate(s, Secrets.References, Secrets.SecretVariables)),
        null => null,
        _ => node.DeepClone(),
    };

    private JsonObject InterpolateObject(JsonObject o)
    {
        var copy = new JsonObject();
        foreach (var (k, v) in o)
        {
            copy[k] = Interpolate(v);
        }

        return copy;
    }
}
