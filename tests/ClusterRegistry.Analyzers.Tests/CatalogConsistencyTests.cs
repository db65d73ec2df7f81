using System.Reflection;
using ClusterRegistry.Analyzers.Collection;
using ClusterRegistry.Testing;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// The analyzer keeps two copies of facts that live elsewhere: the model's property defaults (it cannot run the model)
/// and the release-tracking files (made by hand, read by the release analyzer). Both must match their source.
/// </summary>
public class CatalogConsistencyTests
{
    public static TheoryData<string> DefaultTypes()
    {
        var data = new TheoryData<string>();
        foreach (var t in ModelDefaults.Table.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            data.Add(t);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefaultTypes))]
    public void Model_defaults_match_a_freshly_constructed_model_object(string typeName)
    {
        var type = typeof(Stack).Assembly.GetTypes().Single(t => t.Name == typeName && t.IsPublic);
        var instance = Activator.CreateInstance(type)!;
        foreach (var (property, expected) in ModelDefaults.Table[typeName])
        {
            var p = type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(p is not null, $"{typeName}.{property} is not a property of the model");
            var actual = p!.GetValue(instance) switch
            {
                Enum e => new EnumValue(e.GetType().Name, e.ToString()),
                var v => v,
            };
            Assert.True(Equals(expected, actual), $"{typeName}.{property}: analyzer default {expected ?? "null"}, model default {actual ?? "null"}");
        }
    }

    [Fact]
    public void Release_tracking_file_lists_every_rule_with_its_category_and_severity()
    {
        var path = Path.Combine(RepoPaths.Root, "analyzers", "ClusterRegistry.Analyzers", "AnalyzerReleases.Unshipped.md");
        var rows = File.ReadAllLines(path)
            .Where(l => l.StartsWith("CRG", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[0], c => (Category: c[1], Severity: c[2]));
        var descriptors = new StackAnalyzer().SupportedDiagnostics;
        Assert.Equal(descriptors.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal), rows.Keys.OrderBy(x => x, StringComparer.Ordinal));
        foreach (var d in descriptors)
        {
            Assert.Equal(d.Category, rows[d.Id].Category);
            Assert.Equal(d.DefaultSeverity switch { DiagnosticSeverity.Error => "Error", DiagnosticSeverity.Warning => "Warning", _ => "Info" }, rows[d.Id].Severity);
        }
    }
}
