namespace ClusterRegistry.Pulumi.Tests.Validation;

/// <summary>
/// The kubernetes provider's inputs for the types the emitter uses, as in pulumi/pulumi-kubernetes
/// provider/pkg/gen/overlays.go and the provider schema (its schema, over 4 MiB, is not shipped). Kinds: string,
/// integer, boolean, object (free-form map), array, any.
/// </summary>
public static class KubernetesInputs
{
    public sealed record TypeInputs(IReadOnlyDictionary<string, string> Inputs, IReadOnlyList<string> Required, IReadOnlyList<string> Outputs);

    private static readonly string[] ObjectMeta = { "metadata" };

    public static readonly IReadOnlyDictionary<string, TypeInputs> Types = new Dictionary<string, TypeInputs>(StringComparer.Ordinal)
    {
        ["kubernetes:core/v1:Namespace"] = new(new Dictionary<string, string> { ["metadata"] = "meta", ["spec"] = "object" }, Array.Empty<string>(), ObjectMeta),
        ["kubernetes:core/v1:Secret"] = new(new Dictionary<string, string>
        {
            ["metadata"] = "meta", ["data"] = "map<string>", ["stringData"] = "map<string>", ["type"] = "string", ["immutable"] = "boolean",
        }, Array.Empty<string>(), ObjectMeta),
        ["kubernetes:yaml/v2:ConfigGroup"] = new(new Dictionary<string, string>
        {
            ["files"] = "array<string>", ["objs"] = "array<any>", ["yaml"] = "string", ["resourcePrefix"] = "string", ["skipAwait"] = "boolean",
        }, Array.Empty<string>(), new[] { "resources" }),
        ["kubernetes:helm.sh/v3:Release"] = new(new Dictionary<string, string>
        {
            ["name"] = "string", ["repositoryOpts"] = "repositoryOpts", ["chart"] = "string", ["version"] = "string", ["devel"] = "boolean",
            ["valueYamlFiles"] = "array<any>", ["values"] = "object", ["manifest"] = "object", ["resourceNames"] = "object",
            ["namespace"] = "string", ["verify"] = "boolean", ["keyring"] = "string", ["timeout"] = "integer",
            ["disableWebhooks"] = "boolean", ["disableCRDHooks"] = "boolean", ["reuseValues"] = "boolean", ["resetValues"] = "boolean",
            ["forceUpdate"] = "boolean", ["recreatePods"] = "boolean", ["cleanupOnFail"] = "boolean", ["maxHistory"] = "integer",
            ["atomic"] = "boolean", ["skipCrds"] = "boolean", ["renderSubchartNotes"] = "boolean", ["disableOpenapiValidation"] = "boolean",
            ["skipAwait"] = "boolean", ["waitForJobs"] = "boolean", ["dependencyUpdate"] = "boolean", ["replace"] = "boolean",
            ["description"] = "string", ["createNamespace"] = "boolean", ["postrender"] = "string", ["lint"] = "boolean",
            ["compat"] = "string", ["allowNullValues"] = "boolean",
        }, new[] { "chart" }, new[] { "status", "name", "namespace" }),
    };

    /// <summary><c>kubernetes:helm.sh/v3:RepositoryOpts</c>.</summary>
    public static readonly IReadOnlySet<string> RepositoryOpts = new HashSet<string>(StringComparer.Ordinal)
    {
        "repo", "keyFile", "certFile", "caFile", "username", "password",
    };

    /// <summary>The ObjectMeta fields the emitter may set.</summary>
    public static readonly IReadOnlySet<string> Meta = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "namespace", "labels", "annotations",
    };
}
