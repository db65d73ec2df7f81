using System.Text.Json.Nodes;

using ClusterRegistry.Testing;
using Json.Schema;

namespace ClusterRegistry.Pulumi.Tests.Validation;

/// <summary>The Flux CRDs in shared/schemas: an object is checked against its kind's served version's openAPIV3Schema.</summary>
public static class FluxCrds
{
    private static readonly Lazy<Dictionary<string, JsonObject>> LoadedCrds = new(() =>
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var file in new[] { "flux-helmrelease-crd.yaml", "flux-helmrepositories-crd.yaml", "flux-ocirepositories-crd.yaml" })
        {
            var crd = YamlDocuments.Parse(File.ReadAllText(RepoPaths.Schema(file))).Single();
            var group = (string)crd["spec"]!["group"]!;
            var kind = (string)crd["spec"]!["names"]!["kind"]!;
            foreach (var version in crd["spec"]!["versions"]!.AsArray())
            {
                result[$"{group}/{version!["name"]}/{kind}"] = version["schema"]!["openAPIV3Schema"]!.AsObject();
            }
        }

        return result;
    });

    /// <summary>Problems of one object: schema violations, and fields the schema does not declare (the API server would drop them).</summary>
    public static IReadOnlyList<string> Validate(JsonObject obj)
    {
        var key = $"{obj["apiVersion"]}/{obj["kind"]}";
        if (!LoadedCrds.Value.TryGetValue(key, out var schemaNode))
        {
            return new[] { $"no CRD serves {key}" };
        }

        var problems = new List<string>();
        var schema = JsonSchema.FromText(schemaNode.ToJsonString());
        var result = schema.Evaluate(obj, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            problems.AddRange(result.Details.Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{key} {d.InstanceLocation}: {e.Value}")));
        }

        Undeclared(schemaNode, obj, key, problems);
        return problems;
    }

    private static void Undeclared(JsonObject schema, JsonNode? value, string path, List<string> problems)
    {
        if (schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true)
        {
            return;
        }

        switch (value)
        {
            case JsonObject o when schema["properties"] is JsonObject props:
                foreach (var (k, v) in o)
                {
                    if (props[k] is JsonObject child)
                    {
                        Undeclared(child, v, path + "." + k, problems);
                    }
                    else if (!(path.Count(c => c == '.') == 0 && k is "apiVersion" or "kind" or "metadata"))
                    {
                        problems.Add($"{path}.{k} is not declared by the CRD");
                    }
                }

                break;
            case JsonArray a when schema["items"] is JsonObject items:
                foreach (var v in a)
                {
                    Undeclared(items, v, path + "[]", problems);
                }

                break;
        }
    }
}
