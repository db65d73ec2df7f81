using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>
/// The Talos patch on every node of every <see cref="TalosMachinePatch"/>: a <c>command:local:Command</c> running
/// <c>talosctl patch machineconfig</c> (the seed's talhelper/talosctl clusters) or the Talos provider's
/// <c>talos:machine/configurationApply:ConfigurationApply</c>. Each patch document is passed as <c>fn::toJSON</c> of the
/// rendered document in which the robot's credentials are output references: the secret never appears in the program,
/// in a file or on a command line (talosctl gets it through the environment of its process).
/// </summary>
public static class TalosEmitter
{
    public const string ApplyMode = "auto";

    public static void Emit(EmitContext ctx)
    {
        foreach (var patch in ctx.Stack.ResourcesOf<TalosMachinePatch>())
        {
            var docs = ctx.Manifests.TalosPatchDocuments(patch).Select(d => ctx.Interpolate(d)).ToList();
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
        var command = "talosctl --talosconfig \"$TALOSCONFIG\" --nodes \"$TALOS_NODE\" patch machineconfig --mode " + ApplyMode;
        for (var i = 0; i < docs.Count; i++)
        {
            env["TALOS_PATCH_" + i] = ToJson(docs[i]);
            command += $" --patch \"$TALOS_PATCH_{i}\"";
        }

        res.Properties["create"] = Expr.Literal(command);
        res.Properties["environment"] = env;
        // talosctl prints only what it patched; the patch itself (with the robot secret) travels in the environment.
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
