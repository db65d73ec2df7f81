using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Pulumi.Tests.Validation;

/// <summary>
/// Reads rendered YAML (one or more documents) into JSON nodes, resolving plain scalars the way Go's yaml.v3 does for the
/// values renderers emit (null, booleans, decimal/octal/hex integers, floats); quoted scalars stay strings.
/// </summary>
public static class YamlDocuments
{
    public static IReadOnlyList<JsonObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var docs = new List<JsonObject>();
        foreach (var doc in stream.Documents)
        {
            if (ToJson(doc.RootNode) is JsonObject o)
            {
                docs.Add(o);
            }
        }

        return docs;
    }

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => Map(m),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode sc => Scalar(sc),
        _ => null,
    };

    private static JsonObject Map(YamlMappingNode m)
    {
        var o = new JsonObject();
        foreach (var (k, v) in m.Children)
        {
            o[((YamlScalarNode)k).Value ?? ""] = ToJson(v);
        }

        return o;
    }

    private static JsonNode? Scalar(YamlScalarNode s)
    {
        var v = s.Value ?? "";
        if (s.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(v);
        }

        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            return JsonValue.Create(i);
        }

        if (v.StartsWith("0o", StringComparison.Ordinal) && v.Length > 2 && v[2..].All(c => c is >= '0' and <= '7'))
        {
            return JsonValue.Create(Convert.ToInt64(v[2..], 8));
        }

        if (v.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(v[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h))
        {
            return JsonValue.Create(h);
        }

        if (v.Any(char.IsAsciiDigit) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !v.Contains(':'))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(v);
    }
}
