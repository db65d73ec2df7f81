using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Diff;

/// <summary>
/// Masks secret values in a diff. Emitted programs hold only references (<c>${robot-x.secret}</c>), which are shown;
/// a literal under a secret-bearing input (a base folder may hold anything) is shown as <c>[secret]</c>.
/// </summary>
public static class SecretMask
{
    public const string Masked = "[secret]";

    private static readonly HashSet<string> SecretLeaves = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "secret", "clientKey", "machineConfigurationInput", "identityToken", "auth", "token", "bearerToken", "key",
    };

    private static readonly string[] SecretContainers = { "stringData", "data" };

    /// <summary>The value as shown in a report: JSON text, masked where the path says secret and the value is a literal.</summary>
    public static string Show(string path, JsonNode? value, int max = 120)
    {
        var text = Mask(path, value)?.ToJsonString(Options) ?? "null";
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    public static JsonNode? Mask(string path, JsonNode? value)
    {
        if (IsSecretPath(path))
        {
            return MaskLiterals(value);
        }

        if (value is JsonObject o)
        {
            var copy = new JsonObject();
            foreach (var (k, v) in o)
            {
                copy[k] = Mask(path + "." + k, v);
            }

            return copy;
        }

        if (value is JsonArray a)
        {
            return new JsonArray(a.Select((v, i) => Mask($"{path}[{i}]", v)).ToArray());
        }

        return value?.DeepClone();
    }

    public static bool IsSecretPath(string path)
    {
        var segments = path.Split('.', '[');
        var leaf = segments[^1].Trim(']', '"');
        return SecretLeaves.Contains(leaf) || segments.Any(s => SecretContainers.Contains(s, StringComparer.Ordinal));
    }

    private static JsonNode? MaskLiterals(JsonNode? value) => value switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, MaskLiterals(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(MaskLiterals).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && IsReference((string)v!) => v.DeepClone(),
        null => null,
        _ => JsonValue.Create(Masked),
    };

    /// <summary>A pure reference such as <c>${robot-x.secret}</c> names where a secret comes from; it is not the secret.</summary>
    private static bool IsReference(string s) => s.StartsWith("${", StringComparison.Ordinal) && s.EndsWith('}') && s.IndexOf('}') == s.Length - 1;

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
