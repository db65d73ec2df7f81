using System.Text.Json.Nodes;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Pulumi.Tests.Validation;

/// <summary>The provider schemas copied to shared/schemas (command, harbor, talos), loaded once.</summary>
public static class ProviderSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> LoadedSchemas = new(() =>
        new[] { "pulumi-command-schema.json", "pulumi-harbor-schema.json", "pulumi-talos-schema.json" }
            .Select(f => JsonNode.Parse(File.ReadAllText(RepoPaths.Schema(f)))!.AsObject())
            .ToDictionary(s => (string)s["name"]!, s => s, StringComparer.Ordinal));

    /// <summary>Package name → schema.</summary>
    public static IReadOnlyDictionary<string, JsonObject> ByPackage => LoadedSchemas.Value;
}
