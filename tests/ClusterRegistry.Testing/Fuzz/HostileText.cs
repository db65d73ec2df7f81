using System.Globalization;
using System.Text;
using CsCheck;

namespace ClusterRegistry.Testing.Fuzz;

/// <summary>
/// Generators of what a hostile or careless hand puts where a parser expects its format: raw bytes, TOML-shaped text
/// built from containerd's and the CRI plugin's real keys with broken and odd values, YAML-shaped text (a Talos machine
/// config pasted into the wrong file), and JSON-shaped text for registry answers.
/// </summary>
public static class HostileText
{
    public static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 4096];

    private static readonly Gen<string> Noise = Gen.String[0, 80];

    private static readonly Gen<string> TomlKey = Gen.OneOf(
        "server", "capabilities", "skip_verify", "ca", "client", "header", "override_path", "dial_timeout", "username", "password",
        "auth", "identitytoken", "discard_unpacked_layers", "host.\"http://127.0.0.1:5000\"", "host.'https://h'", "host",
        "plugins.\"io.containerd.cri.v1.images\".registry.configs.\"h:5000\".auth", "plugins.\"io.containerd.grpc.v1.cri\".containerd",
        "plugins", "a.b.c", "\"\"", "''", "\"\\u0000\"", "[", "]", "=", "#", "\"unterminated", "host.\"x\".header");

    private static readonly Gen<string> TomlValue = Gen.OneOf<string>(
        Gen.OneOf("\"http://127.0.0.1:5000\"", "\"https://docker.io\"", "true", "false", "[\"pull\", \"resolve\", \"push\"]", "[\"fly\"]",
            "[]", "{}", "{ a = 1 }", "1979-05-27T07:32:00Z", "0x1F", "inf", "nan", "-0", "'''\nmulti\n'''", "\"\"\"x\"\"\"", "[[", "\"", "[1, \"a\"]",
            "\"root:$6$SHADOWHASH:19700:0:99999:7:::\""),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Noise.Select(s => "\"" + s + "\""),
        Noise);

    private static readonly Gen<string> TomlLine = Gen.Frequency<string>(
        (6, Gen.Select(TomlKey, TomlValue, (k, v) => $"{k} = {v}")),
        (2, TomlKey.Select(k => $"[{k}]")),
        (1, TomlKey.Select(k => $"[[{k}]]")),
        (1, Noise));

    /// <summary>TOML-shaped text: mostly key/value lines and tables, some of them broken.</summary>
    public static readonly Gen<string> Toml = TomlLine.Array[0, 40].Select(lines => string.Join("\n", lines));

    private static readonly Gen<string> YamlLine = Gen.Select(
        Gen.Int[0, 6],
        Gen.OneOf("machine:", "registries:", "mirrors:", "docker.io:", "endpoints:", "- http://127.0.0.1:5000", "config:", "auth:",
            "username: robot$pull", "password: ${HARBOR}", "---", "...", "&a x", "*a", "? complex", "!!binary aGVsbG8=", "{a: [b, {c: d}]}",
            "key: 'unterminated", "|", ">-", "\t- tab", "%YAML 1.2", "- - - -", "<<: *a"),
        (indent, line) => new string(' ', indent * 2) + line);

    /// <summary>YAML-shaped text (a Talos patch in the wrong place).</summary>
    public static readonly Gen<string> Yaml = YamlLine.Array[0, 40].Select(lines => string.Join("\n", lines));

    private static readonly Gen<string> JsonScalar = Gen.OneOf<string>(
        Gen.OneOf("null", "true", "false", "0", "-1", "1e999", "9223372036854775808", "\"\"", "\"sha256:abc\"", "\"\\ud800\"", "[", "{", "}", "]"),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Noise.Select(s => System.Text.Json.JsonSerializer.Serialize(s)));

    private static readonly Gen<string> JsonKey = Gen.OneOf("schemaVersion", "mediaType", "config", "layers", "manifests", "platform", "os",
        "architecture", "variant", "digest", "size", "token", "access_token", "expires_in", "issued_at", "annotations");

    /// <summary>JSON-shaped text with the OCI manifest/index and token keys, nested a few levels, sometimes broken.</summary>
    public static readonly Gen<string> Json = Gen.Select(JsonKey.Array[0, 8], JsonScalar.Array[8, 8], Gen.Int[0, 3], Gen.Bool, (keys, values, depth, truncate) =>
    {
        var sb = new StringBuilder();
        for (var d = 0; d < depth; d++)
        {
            sb.Append(d % 2 == 0 ? "{\"" + (keys.Length > 0 ? keys[d % keys.Length] : "x") + "\":[" : "{\"layers\":");
        }

        sb.Append('{');
        for (var i = 0; i < keys.Length; i++)
        {
            sb.Append(i > 0 ? "," : "").Append('"').Append(keys[i]).Append("\":").Append(values[i]);
        }

        sb.Append('}');
        for (var d = depth - 1; d >= 0; d--)
        {
            sb.Append(d % 2 == 0 ? "]}" : "}");
        }

        var text = sb.ToString();
        return truncate && text.Length > 1 ? text[..(text.Length / 2)] : text;
    });

    /// <summary>Any of the above, raw bytes decoded as UTF-8 (invalid sequences become U+FFFD, as a reader would see them).</summary>
    public static readonly Gen<string> Any = Gen.OneOf<string>(Bytes.Select(b => Encoding.UTF8.GetString(b)), Toml, Yaml, Json, Noise);
}
