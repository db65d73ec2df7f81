using System.Text;
using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>
/// The part of the Pulumi engine the command tests need, once the referenced outputs are known: pulumi-yaml's
/// interpolation (<c>$$</c> is a literal <c>$</c>, <c>${name}</c> a value) and the functions the emitter uses
/// (<c>fn::toJSON</c>, <c>fn::join</c>, <c>fn::unsecret</c>).
/// </summary>
public static class EngineStandIn
{
    public static string Resolve(string text, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                sb.Append('$');
                i++;
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i);
                var name = text[(i + 2)..end];
                sb.Append(values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"no value for ${{{name}}}"));
                i = end;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    public static JsonNode? Resolve(JsonNode? node, IReadOnlyDictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject fn when fn.Count == 1 && fn.First().Key.Equals("fn::toJSON", StringComparison.OrdinalIgnoreCase):
                return JsonValue.Create(Resolve(fn.First().Value, values)?.ToJsonString() ?? "null");
            case JsonObject fn when fn.Count == 1 && fn.First().Key.Equals("fn::join", StringComparison.OrdinalIgnoreCase):
                var args = fn.First().Value!.AsArray();
                return JsonValue.Create(string.Join((string)args[0]!, args[1]!.AsArray().Select(a => (string)Resolve(a, values)!)));
            case JsonObject fn when fn.Count == 1 && fn.First().Key.Equals("fn::unsecret", StringComparison.OrdinalIgnoreCase):
                return Resolve(fn.First().Value, values);
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (k, v) in o)
                {
                    copy[k] = Resolve(v, values);
                }

                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(x => Resolve(x, values)).ToArray());
            case JsonValue v when v.TryGetValue<string>(out var s):
                return JsonValue.Create(Resolve(s, values));
            default:
                return node?.DeepClone();
        }
    }
}
