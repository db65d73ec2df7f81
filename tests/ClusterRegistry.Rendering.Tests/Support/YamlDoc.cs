using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ClusterRegistry.Rendering.Tests.Support;

/// <summary>Loads YAML into plain objects (maps, lists, strings) for golden vectors and semantic comparisons.</summary>
public static class YamlDoc
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static Dictionary<object, object?> LoadFile(string path) => Load(File.ReadAllText(path));

    public static Dictionary<object, object?> Load(string text) =>
        Deserializer.Deserialize<Dictionary<object, object?>>(text) ?? new Dictionary<object, object?>();

    public static List<Dictionary<object, object?>> LoadAll(string text)
    {
        var result = new List<Dictionary<object, object?>>();
        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            result.Add(Deserializer.Deserialize<Dictionary<object, object?>>(parser) ?? new());
        }

        return result;
    }

    /// <summary>Any YAML value (a JSON-patch list, a scalar) as plain objects.</summary>
    public static List<object?> Deserialize(string text) => Deserializer.Deserialize<List<object?>>(text) ?? new List<object?>();

    public static Dictionary<object, object?> Map(this object? o) => o as Dictionary<object, object?> ?? new Dictionary<object, object?>();

    public static List<object?> List(this object? o) => o as List<object?> ?? new List<object?>();

    public static object? Get(this Dictionary<object, object?> m, string key) => m.TryGetValue(key, out var v) ? v : null;

    public static string? Str(this Dictionary<object, object?> m, string key) => m.Get(key) as string;

    public static bool Bool(this Dictionary<object, object?> m, string key) => m.Get(key) is string s && bool.Parse(s);
}
