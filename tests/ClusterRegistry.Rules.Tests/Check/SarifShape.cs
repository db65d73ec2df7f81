using System.Text.Json;
using ClusterRegistry.Rules;

namespace ClusterRegistry.Rules.Tests.Check;

/// <summary>
/// A hand-written structural check of SARIF 2.1.0 as GitHub code scanning reads it (no schema file is shipped): the
/// required properties of the log, run, tool driver, rules and results, and GitHub's own constraints (relative URIs under
/// a uriBaseId, startLine ≥ 1, every ruleId declared, helpUri absolute).
/// </summary>
public static class SarifShape
{
    public static void AssertValid(string json, int? expectedResults)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("2.1.0", Str(root, "version"));
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", Str(root, "$schema"));
        var runs = root.GetProperty("runs");
        Assert.Equal(JsonValueKind.Array, runs.ValueKind);
        Assert.Equal(1, runs.GetArrayLength());
        var run = runs[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.False(string.IsNullOrEmpty(Str(driver, "name")));

        var ruleIds = new List<string>();
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            var id = Str(rule, "id");
            Assert.Matches("^CRG[0-9]{3}$", id);
            Assert.DoesNotContain(id, ruleIds);
            ruleIds.Add(id);
            Assert.False(string.IsNullOrEmpty(Str(rule.GetProperty("shortDescription"), "text")));
            Assert.False(string.IsNullOrEmpty(Str(rule.GetProperty("fullDescription"), "text")));
            Assert.True(Uri.TryCreate(Str(rule, "helpUri"), UriKind.Absolute, out var help) && help.Scheme == "https");
            Assert.Contains(Str(rule.GetProperty("defaultConfiguration"), "level"), new[] { "error", "warning", "note", "none" });
        }

        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), ruleIds);
        var results = run.GetProperty("results");
        if (expectedResults is not null)
        {
            Assert.Equal(expectedResults.Value, results.GetArrayLength());
        }

        foreach (var result in results.EnumerateArray())
        {
            var ruleId = Str(result, "ruleId");
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(ruleIds[index], ruleId);
            Assert.Contains(Str(result, "level"), new[] { "error", "warning", "note", "none" });
            Assert.False(string.IsNullOrEmpty(Str(result.GetProperty("message"), "text")));
            var locations = result.GetProperty("locations");
            Assert.True(locations.GetArrayLength() >= 1);
            var physical = locations[0].GetProperty("physicalLocation");
            var artifact = physical.GetProperty("artifactLocation");
            var uri = Str(artifact, "uri");
            Assert.False(uri.StartsWith('/') || uri.Contains("://") || uri.Contains('\\'), "uri must be repository-relative: " + uri);
            Assert.True(Uri.TryCreate(uri, UriKind.Relative, out _));
            Assert.Equal("%SRCROOT%", Str(artifact, "uriBaseId"));
            Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.Equal(JsonValueKind.Object, result.GetProperty("partialFingerprints").ValueKind);
        }
    }

    private static string Str(JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out var p), "missing required property '" + name + "'");
        Assert.Equal(JsonValueKind.String, p.ValueKind);
        return p.GetString()!;
    }
}
