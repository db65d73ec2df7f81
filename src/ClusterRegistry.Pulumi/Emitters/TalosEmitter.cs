using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>
/// The Talos patch on every node of every <see cref="TalosMachinePatch"/>: a <c>command:local:Command</c> running
/// <c>talosctl patch machineconfig</c> (the seed's talhelper/talosctl clusters) or the Talos provider's
/// <c>talos:machine/configurationApply:ConfigurationApply</c>. The patch is <c>fn::toJSON</c> of the rendered document
/// in which the robot's credentials are output references: the secret never appears in the program, in a file, in an
/// environment variable or on a command line. talosctl reads it from its standard input (<c>--patch @/dev/stdin</c>;
/// talosctl's <c>@file</c> form reads the named file, here the pipe the command provider feeds from <c>stdin</c>).
/// Several documents go in as one multi-document YAML stream (JSON documents joined by <c>---</c>), which Talos merges
/// document by document like separate patches.
/// </summary>
public static class TalosEmitter
{
    public const string ApplyMode = "auto";

    /// <summary>The per-node command: node and talosconfig from the environment, the patch from standard input.</summary>
    public const string TalosctlCommand =
        "talosctl --talosconfig \"$TALOSCONFIG\" --nodes \"$TALOS_NODE\" patch machineconfig --mode " + ApplyMode + " --patch @/dev/stdin";

    /// <summary>Between the documents of a multi-document patch on stdin.</summary>
    public const string DocumentSeparator = "\n---\n";

    public static void Emit(EmitContext ctx)
    {
        foreach (var patch in ctx.Stack.ResourcesOf<TalosMachinePatch>())
        {
            var docs = ctx.Manifests.TalosPatchDocuments(patch).Select(d => ctx.Interpolate(d)).ToList();
            if (docs.Count == 0)
            {
                continue; // nothing to patch
            }

            foreach (var node in patch.Args.Nodes)
            {
                if (patch.Args.ApplyMethod == TalosApplyMethod.ConfigurationApply)
                {
                    EmitConfigurationApply(ctx, patch, node, docs);
                }
                else
                {
                    EmitTalosctl(ctx, patch, node, docs);
                }
            }
        }
    }

    private static void EmitTalosctl(EmitContext ctx, TalosMachinePatch patch, string node, IReadOnlyList<JsonNode?> docs)
    {
        var talosconfig = ctx.Program.DeclareConfig(new ConfigDeclaration("talosconfig", "string", false, ctx.Options.TalosConfigPath,
            "path of the talosconfig used by talosctl"));
        var res = new ProgramResource(LogicalNames.TalosNode(patch, node), "command:local:Command", patch);
        var env = new JsonObject
        {
            ["TALOSCONFIG"] = Expr.Ref(talosconfig),
            ["TALOS_NODE"] = Expr.Literal(node),
        };
        res.Properties["create"] = Expr.Literal(TalosctlCommand);
        res.Properties["environment"] = env;
        res.Properties["stdin"] = docs.Count == 1
            ? ToJson(docs[0])
            : new JsonObject
            {
                ["fn::join"] = new JsonArray(JsonValue.Create(DocumentSeparator), new JsonArray(docs.Select(d => (JsonNode?)ToJson(d)).ToArray())),
            };
        // talosctl prints only what it patched; the patch itself (with the robot secret) travels on stdin.
        res.Properties["logging"] = "stdoutAndStderr";
        ctx.Add(res);
    }

    private static void EmitConfigurationApply(EmitContext ctx, TalosMachinePatch patch, string node, IReadOnlyList<JsonNode?> docs)
    {
        var ca = ctx.Program.DeclareConfig(new ConfigDeclaration("talosCaCertificate", "string", false, null, "talosconfig CA (base64)"));
        var crt = ctx.Program.DeclareConfig(new ConfigDeclaration("talosClientCertificate", "string", false, null, "talosconfig client certificate (base64)"));
        var key = ctx.Program.DeclareConfig(new ConfigDeclaration("talosClientKey", "string", true, null, "talosconfig client key (base64)"));
        var machineConfig = ctx.Program.DeclareConfig(new ConfigDeclaration(MachineConfigurationKey(node), "string", true, null,
            $"the machine configuration of node {node}"));

        var res = new ProgramResource(LogicalNames.TalosNode(patch, node), "talos:machine/configurationApply:ConfigurationApply", patch);
        res.Properties["node"] = Expr.Literal(node);
        res.Properties["endpoint"] = Expr.Literal(node);
        res.Properties["clientConfiguration"] = new JsonObject
        {
            ["caCertificate"] = Expr.Ref(ca),
            ["clientCertificate"] = Expr.Ref(crt),
            ["clientKey"] = Expr.Ref(key),
        };
        res.Properties["machineConfigurationInput"] = Expr.Ref(machineConfig);
        res.Properties["configPatches"] = new JsonArray(docs.Select(d => (JsonNode?)ToJson(d)).ToArray());
        res.Properties["applyMode"] = ApplyMode;
        ctx.Add(res);
    }

    /// <summary>The secret config key holding one node's machine configuration, e.g. <c>talosMachineConfig-192-168-1-98</c>.</summary>
    public static string MachineConfigurationKey(string node) => "talosMachineConfig-" + Expr.Slug(node);

    private static JsonObject ToJson(JsonNode? doc) => new() { ["fn::toJSON"] = doc?.DeepClone() };
}
