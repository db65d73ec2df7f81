using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ClusterRegistry.Testing;
using Json.Schema;

namespace ClusterRegistry.Rendering.Tests.Support;

/// <summary>The Talos and Flux schemas of shared/schemas, loaded once each, and a strict "no unknown fields" walk for CRDs.</summary>
public static class Schemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new();
    private static readonly object Gate = new();

    public static JsonSchema Talos(string file) => Cache.GetOrAdd(file, f => JsonSchema.FromText(File.ReadAllText(RepoPaths.Schema(f))));

    /// <summary>The openAPIV3Schema of the served <paramref name="version"/> in a CRD file, as JSON.</summary>
    public static JsonNode CrdSchemaNode(string file, string version)
    {
        var crd = YamlJson.Documents(File.ReadAllText(RepoPaths.Schema(file))).Single(d => d is not null)!;
        var v = crd["spec"]!["versions"]!.AsArray().Single(x => (string?)x!["name"] == version)!;
        return v["schema"]!["openAPIV3Schema"]!;
    }

    public static JsonSchema Crd(string file, string version) =>
        Cache.GetOrAdd(file + "#" + version, _ => JsonSchema.FromText(CrdSchemaNode(file, version).ToJsonString()));

    /// <summary>Evaluates and returns the error messages (empty when valid).</summary>
    public static List<string> Errors(JsonSchema schema, JsonNode? instance)
    {
        EvaluationResults result;
        lock (Gate)
        {
            result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }

        if (result.IsValid)
        {
            return new List<string>();
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no details)")
            .ToList();
    }

    /// <summary>
    /// Paths of fields in <paramref name="instance"/> that the structural schema does not declare (what a Kubernetes API
    /// server with strict field validation rejects; CRD schemas do not say additionalProperties: false).
    /// </summary>
    public static List<string> UnknownFields(JsonNode schema, JsonNode? instance, string path = "")
    {
        var result = new List<string>();
        if (instance is JsonObject obj)
        {
            if (schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true && schema["properties"] is null)
            {
                return result;
            }

            var props = schema["properties"] as JsonObject;
            var additional = schema["additionalProperties"];
            foreach (var (key, value) in obj)
            {
                if (path.Length == 0 && key == "metadata")
                {
                    continue; // ObjectMeta is validated by the API server, not by the CRD schema
                }

                if (props is not null && props[key] is JsonNode sub)
                {
                    result.AddRange(UnknownFields(sub, value, path + "." + key));
                }
                else if (additional is JsonObject add)
                {
                    result.AddRange(UnknownFields(add, value, path + "." + key));
                }
                else if (schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() != true)
                {
                    result.Add(path + "." + key);
                }
            }
        }
        else if (instance is JsonArray arr && schema["items"] is JsonNode items)
        {
            for (var i = 0; i < arr.Count; i++)
            {
                result.AddRange(UnknownFields(items, arr[i], $"{path}[{i}]"));
            }
        }

        return result;
    }
}
