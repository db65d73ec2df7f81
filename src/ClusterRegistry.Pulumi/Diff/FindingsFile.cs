using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Program;

namespace ClusterRegistry.Pulumi.Diff;

/// <summary><c>&lt;stack&gt;.findings.json</c> next to <c>&lt;stack&gt;.json</c> in a synthesized-output folder.</summary>
public static class FindingsFile
{
    public static string Write(IReadOnlyList<DiffFinding> findings) => PulumiProgram.Serialize(new JsonArray(findings.Select(f => (JsonNode?)new JsonObject
    {
        ["id"] = f.Id,
        ["severity"] = f.Severity,
        ["resource"] = f.Resource,
        ["path"] = f.PropertyPath,
        ["message"] = f.Message,
    }).ToArray()));

    public static IReadOnlyList<DiffFinding> Read(string json) =>
        JsonNode.Parse(json)!.AsArray().Select(n => new DiffFinding((string)n!["id"]!, (string)n["severity"]!, (string)n["resource"]!,
            (string?)n["path"] ?? "", (string)n["message"]!)).ToList();
}
