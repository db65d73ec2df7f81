using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Tests.Validation;

/// <summary>
/// Checks an emitted program the way pulumi-yaml's analyser would with the providers loaded: every type token exists in
/// its provider schema, every property is a declared input with a compatible value, required inputs are present, and
/// every <c>${...}</c> reference resolves to a declared resource (and one of its outputs) or config key.
/// </summary>
public sealed class ProgramValidator
{
    private static readonly HashSet<string> ConfigTypes = new(StringComparer.Ordinal) { "string", "boolean", "integer", "array", "object" };

    /// <summary>Provider config keys of the kubernetes package (pulumi/pulumi-kubernetes schema <c>config.variables</c>
    /// and CHANGELOG); its schema is not shipped.</summary>
    private static readonly HashSet<string> KubernetesConfig = new(StringComparer.Ordinal)
    {
        "kubeconfig", "context", "cluster", "namespace", "enableServerSideApply", "renderYamlToDirectory", "suppressHelmHookWarnings",
    };

    private readonly JsonObject program;
    private readonly JsonObject resources;
    private readonly JsonObject config;
    private readonly List<string> problems = new();

    private ProgramValidator(JsonObject program)
    {
        this.program = program;
        resources = program["resources"] as JsonObject ?? new JsonObject();
        config = program["config"] as JsonObject ?? new JsonObject();
    }

    public static IReadOnlyList<string> Validate(JsonObject program)
    {
        var v = new ProgramValidator(program);
        v.Run();
        return v.problems;
    }

    private void Run()
    {
        foreach (var key in program.Select(p => p.Key))
        {
            if (key is not ("config" or "resources" or "outputs" or "variables"))
            {
                problems.Add($"unknown top-level key '{key}'");
            }
        }

        foreach (var (key, decl) in config)
        {
            var type = (string?)decl?["type"];
            if (type is null || !ConfigTypes.Contains(type))
            {
                problems.Add($"config {key}: type '{type}' is not one of {string.Join("|", ConfigTypes)}");
            }

            if (decl?["secret"]?.GetValue<bool>() == true && decl["default"] is not null)
            {
                problems.Add($"config {key}: a secret must not have a default in the program");
            }
        }

        foreach (var (key, node) in resources)
        {
            if (node is not JsonObject res)
            {
                problems.Add($"resource {key}: not an object");
                continue;
            }

            CheckResource(key, res);
        }

        if (program["outputs"] is JsonObject outputs)
        {
            foreach (var (name, value) in outputs)
            {
                CheckReferences("outputs." + name, value);
            }
        }
    }

    private void CheckResource(string key, JsonObject res)
    {
        var type = (string?)res["type"] ?? "";
        var props = res["properties"] as JsonObject ?? new JsonObject();
        CheckReferences(key + ".properties", props);
        CheckOptions(key, type, res["options"] as JsonObject);

        if (type.StartsWith("kubernetes:", StringComparison.Ordinal))
        {
            CheckKubernetes(key, type, props);
            return;
        }

        if (type == "pulumi:providers:kubernetes")
        {
            foreach (var (name, _) in props.Where(p => !KubernetesConfig.Contains(p.Key)))
            {
                problems.Add($"resource {key}: '{name}' is not a kubernetes provider input");
            }

            return;
        }

        var pkgName = PackageOf(type);
        if (!ProviderSchemas.ByPackage.TryGetValue(pkgName, out var schema))
        {
            problems.Add($"resource {key}: no schema for package '{pkgName}' of type '{type}'");
            return;
        }

        JsonObject? inputs;
        IEnumerable<string> required;
        if (type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
        {
            inputs = schema["provider"]?["inputProperties"] as JsonObject;
            required = (schema["provider"]?["requiredInputs"] as JsonArray)?.Select(n => (string)n!) ?? Array.Empty<string>();
        }
        else if (schema["resources"]?[type] is JsonObject rs)
        {
            inputs = rs["inputProperties"] as JsonObject;
            required = (rs["requiredInputs"] as JsonArray)?.Select(n => (string)n!) ?? Array.Empty<string>();
        }
        else
        {
            problems.Add($"resource {key}: type '{type}' does not exist in the {pkgName} schema");
            return;
        }

        inputs ??= new JsonObject();
        foreach (var r in required)
        {
            if (!props.ContainsKey(r))
            {
                problems.Add($"resource {key} ({type}): missing required input '{r}'");
            }
        }

        foreach (var (name, value) in props)
        {
            if (inputs[name] is not JsonObject propSchema)
            {
                problems.Add($"resource {key} ({type}): '{name}' is not an input of the type");
                continue;
            }

            CheckValue(schema, propSchema, value, $"{key}.{name}");
        }
    }

    private void CheckValue(JsonObject pkg, JsonObject propSchema, JsonNode? value, string path)
    {
        if (IsSubstitution(value))
        {
            return;
        }

        if (value is JsonObject fn && fn.Count == 1 && fn.First().Key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase))
        {
            var name = fn.First().Key.ToLowerInvariant();
            switch (name)
            {
                case "fn::tojson":
                    value = JsonValue.Create("json");
                    break;
                case "fn::join":
                    // [delimiter, [values]]: a string.
                    if (fn.First().Value is not JsonArray { Count: 2 } join || join[0]?.GetValueKind() != JsonValueKind.String || join[1] is not JsonArray)
                    {
                        problems.Add($"{path}: fn::join takes [delimiter, [values]]");
                        return;
                    }

                    value = JsonValue.Create("joined");
                    break;
                case "fn::secret":
                    CheckValue(pkg, propSchema, fn.First().Value, path);
                    return;
                default:
                    problems.Add($"{path}: function {name} not expected here");
                    return;
            }
        }

        if (propSchema["$ref"] is JsonValue refNode)
        {
            var r = (string)refNode!;
            if (r is "pulumi.json#/Any")
            {
                return;
            }

            if (r is "pulumi.json#/Asset" or "pulumi.json#/Archive")
            {
                if (value is not JsonObject)
                {
                    problems.Add($"{path}: expected an asset/archive");
                }

                return;
            }

            if (!r.StartsWith("#/types/", StringComparison.Ordinal) || pkg["types"]?[r["#/types/".Length..]] is not JsonObject typeSchema)
            {
                problems.Add($"{path}: unresolvable type reference {r}");
                return;
            }

            if (typeSchema["enum"] is JsonArray enumValues)
            {
                var allowed = enumValues.Select(e => e?["value"]?.ToJsonString()).ToHashSet();
                if (!allowed.Contains(value?.ToJsonString()))
                {
                    problems.Add($"{path}: {value?.ToJsonString()} is not one of {string.Join(", ", allowed)}");
                }

                return;
            }

            CheckObject(pkg, typeSchema, value, path);
            return;
        }

        var type = (string?)propSchema["type"];
        switch (type)
        {
            case "string":
                Expect(value, JsonValueKind.String, path);
                break;
            case "integer":
                if (value is not JsonValue iv || iv.GetValueKind() != JsonValueKind.Number || !iv.ToJsonString().All(c => char.IsAsciiDigit(c) || c == '-'))
                {
                    problems.Add($"{path}: expected an integer, got {value?.ToJsonString() ?? "null"}");
                }

                break;
            case "number":
                Expect(value, JsonValueKind.Number, path);
                break;
            case "boolean":
                if (value is not JsonValue bv || bv.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean, got {value?.ToJsonString() ?? "null"}");
                }

                break;
            case "array":
                if (value is not JsonArray arr)
                {
                    problems.Add($"{path}: expected an array");
                    break;
                }

                for (var i = 0; i < arr.Count; i++)
                {
                    CheckValue(pkg, propSchema["items"]!.AsObject(), arr[i], $"{path}[{i}]");
                }

                break;
            case "object":
                CheckObject(pkg, propSchema, value, path);
                break;
            default:
                problems.Add($"{path}: schema type '{type}' not handled by the validator");
                break;
        }
    }

    private void CheckObject(JsonObject pkg, JsonObject schema, JsonNode? value, string path)
    {
        if (value is not JsonObject obj)
        {
            problems.Add($"{path}: expected an object");
            return;
        }

        if (schema["additionalProperties"] is JsonObject element)
        {
            foreach (var (k, v) in obj)
            {
                CheckValue(pkg, element, v, $"{path}.{k}");
            }

            return;
        }

        var properties = schema["properties"] as JsonObject ?? new JsonObject();
        foreach (var r in (schema["required"] as JsonArray)?.Select(n => (string)n!) ?? Array.Empty<string>())
        {
            if (!obj.ContainsKey(r))
            {
                problems.Add($"{path}: missing required field '{r}'");
            }
        }

        foreach (var (k, v) in obj)
        {
            if (properties[k] is not JsonObject ps)
            {
                problems.Add($"{path}: '{k}' is not a field of the type");
                continue;
            }

            CheckValue(pkg, ps, v, $"{path}.{k}");
        }
    }

    private void CheckKubernetes(string key, string type, JsonObject props)
    {
        if (!KubernetesInputs.Types.TryGetValue(type, out var t))
        {
            problems.Add($"resource {key}: kubernetes type '{type}' is not one the research documents (or is refused in YAML)");
            return;
        }

        foreach (var r in t.Required)
        {
            if (!props.ContainsKey(r))
            {
                problems.Add($"resource {key} ({type}): missing required input '{r}'");
            }
        }

        foreach (var (name, value) in props)
        {
            if (!t.Inputs.TryGetValue(name, out var kind))
            {
                problems.Add($"resource {key} ({type}): '{name}' is not an input of the type");
                continue;
            }

            var path = $"{key}.{name}";
            if (IsSubstitution(value))
            {
                continue;
            }

            switch (kind)
            {
                case "string":
                    Expect(value, JsonValueKind.String, path);
                    break;
                case "integer":
                    Expect(value, JsonValueKind.Number, path);
                    break;
                case "boolean":
                    if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        problems.Add($"{path}: expected a boolean");
                    }

                    break;
                case "object":
                    if (value is not JsonObject)
                    {
                        problems.Add($"{path}: expected an object");
                    }

                    break;
                case "map<string>":
                    if (value is not JsonObject m || m.Any(e => e.Value?.GetValueKind() != JsonValueKind.String))
                    {
                        problems.Add($"{path}: expected a map of strings");
                    }

                    break;
                case "array<any>":
                case "array<string>":
                    if (value is not JsonArray)
                    {
                        problems.Add($"{path}: expected an array");
                    }

                    break;
                case "meta":
                    if (value is not JsonObject meta || meta.Any(e => !KubernetesInputs.Meta.Contains(e.Key)))
                    {
                        problems.Add($"{path}: expected ObjectMeta with {string.Join(", ", KubernetesInputs.Meta)}");
                    }

                    break;
                case "repositoryOpts":
                    if (value is not JsonObject ro || ro.Any(e => !KubernetesInputs.RepositoryOpts.Contains(e.Key)))
                    {
                        problems.Add($"{path}: expected RepositoryOpts fields {string.Join(", ", KubernetesInputs.RepositoryOpts)}");
                    }

                    break;
            }
        }
    }

    private void CheckOptions(string key, string type, JsonObject? options)
    {
        if (options is null)
        {
            problems.Add($"resource {key}: no options (the package version must be pinned)");
            return;
        }

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "additionalSecretOutputs", "aliases", "customTimeouts", "deleteBeforeReplace", "dependsOn", "ignoreChanges", "import", "parent",
            "protect", "provider", "providers", "version", "pluginDownloadURL", "replaceOnChanges", "retainOnDelete", "deletedWith", "hideDiffs",
        };
        foreach (var (k, _) in options)
        {
            if (!known.Contains(k))
            {
                problems.Add($"resource {key}: unknown option '{k}'");
            }
        }

        if (options["version"] is null)
        {
            problems.Add($"resource {key}: options.version is not pinned");
        }

        var pkg = PackageOf(type);
        var expectedUrl = ProviderSchemas.ByPackage.TryGetValue(pkg, out var s) ? (string?)s["pluginDownloadURL"] : null;
        if ((string?)options["pluginDownloadURL"] != expectedUrl)
        {
            problems.Add($"resource {key}: pluginDownloadURL '{options["pluginDownloadURL"]}' differs from the schema's '{expectedUrl}'");
        }

        if (options["dependsOn"] is JsonArray deps)
        {
            foreach (var d in deps)
            {
                if (!IsSubstitution(d) || !resources.ContainsKey(Root((string)d!)))
                {
                    problems.Add($"resource {key}: dependsOn entry {d?.ToJsonString()} is not a declared resource");
                }
            }
        }

        if (options["provider"] is JsonNode p)
        {
            var target = IsSubstitution(p) ? resources[Root((string)p!)] as JsonObject : null;
            if ((string?)target?["type"] != "pulumi:providers:" + pkg)
            {
                problems.Add($"resource {key}: provider {p.ToJsonString()} is not a declared pulumi:providers:{pkg} resource");
            }
        }

        if (options["additionalSecretOutputs"] is JsonArray secretOutputs)
        {
            foreach (var o in secretOutputs)
            {
                if (!HasOutput(type, (string)o!))
                {
                    problems.Add($"resource {key}: additionalSecretOutputs names '{o}', not an output of {type}");
                }
            }
        }
    }

    private void CheckReferences(string path, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    CheckReferences(path + "." + k, v);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    CheckReferences($"{path}[{i}]", a[i]);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                foreach (var reference in References((string)v!))
                {
                    CheckReference(path, reference);
                }

                break;
        }
    }

    private void CheckReference(string path, string reference)
    {
        var root = Root("${" + reference + "}");
        var rest = reference[root.Length..];
        if (resources[root] is JsonObject target)
        {
            if (rest.Length == 0)
            {
                return;
            }

            var output = rest.TrimStart('.').Split('.', '[')[0];
            if (!HasOutput((string)target["type"]!, output))
            {
                problems.Add($"{path}: ${{{reference}}} reads '{output}', which is not an output of {target["type"]}");
            }

            return;
        }

        if (config.ContainsKey(root) || root == "pulumi")
        {
            return;
        }

        var colon = root.IndexOf(':');
        if (colon > 0)
        {
            var pkg = root[..colon];
            var name = root[(colon + 1)..];
            var declared = pkg == "kubernetes"
                ? KubernetesConfig.Contains(name)
                : ProviderSchemas.ByPackage.TryGetValue(pkg, out var s) && s["config"]?["variables"]?[name] is not null;
            if (declared)
            {
                return;
            }
        }

        problems.Add($"{path}: ${{{reference}}} is neither a declared resource nor a config key");
    }

    private static bool HasOutput(string type, string output)
    {
        if (type.StartsWith("kubernetes:", StringComparison.Ordinal))
        {
            return KubernetesInputs.Types.TryGetValue(type, out var t) && t.Outputs.Contains(output);
        }

        if (!ProviderSchemas.ByPackage.TryGetValue(PackageOf(type), out var s))
        {
            return false;
        }

        var props = type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
            ? s["provider"]?["properties"]
            : s["resources"]?[type]?["properties"];
        return props?[output] is not null || output is "id" or "urn";
    }

    /// <summary>The references in an interpolated string, following pulumi-yaml: <c>$$</c> is a literal <c>$</c>.</summary>
    public static IEnumerable<string> References(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '$')
            {
                continue;
            }

            if (i + 1 < s.Length && s[i + 1] == '$')
            {
                i++;
                continue;
            }

            if (i + 1 < s.Length && s[i + 1] == '{')
            {
                var end = s.IndexOf('}', i + 2);
                if (end < 0)
                {
                    yield return s[(i + 2)..];
                    yield break;
                }

                yield return s[(i + 2)..end];
                i = end;
            }
        }
    }

    /// <summary>True for a string that is exactly one <c>${...}</c> (a substitution, which keeps the referenced type).</summary>
    public static bool IsSubstitution(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && (string)v! is var s &&
        s.StartsWith("${", StringComparison.Ordinal) && s.EndsWith('}') && s.IndexOf('}') == s.Length - 1;

    private static string Root(string substitution)
    {
        var inner = substitution[2..^1];
        var end = inner.IndexOfAny(new[] { '.', '[' });
        return end < 0 ? inner : inner[..end];
    }

    private static string PackageOf(string type) =>
        type.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? type["pulumi:providers:".Length..] : type.Split(':')[0];

    private void Expect(JsonNode? value, JsonValueKind kind, string path)
    {
        if (value?.GetValueKind() != kind)
        {
            problems.Add($"{path}: expected {kind}, got {value?.ToJsonString() ?? "null"}");
        }
    }
}
