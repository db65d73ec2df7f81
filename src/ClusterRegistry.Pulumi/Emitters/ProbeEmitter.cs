using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClusterRegistry.Probes;
using ClusterRegistry.Pulumi.Program;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>
/// The post-deploy pull-latency gate: a <c>command:local:Command</c> per probe running the stacks program's
/// <c>probe --stack NAME --json</c> after every other resource (<c>dependsOn</c>), re-run whenever the declared
/// configuration changes (<c>triggers</c>: a hash of every other resource's inputs; triggers replace on change). The probe
/// exits non-zero over budget, which fails the update. Its JSON report is a stack output.
/// </summary>
public static class ProbeEmitter
{
    public static void Emit(EmitContext ctx)
    {
        var probes = ctx.Stack.ResourcesOf<PullLatencyProbe>().ToList();
        if (probes.Count == 0)
        {
            return;
        }

        var others = ctx.Program.Resources.ToList();
        var hash = ConfigurationHash(ctx.Program);
        var stacksCommand = ctx.Program.DeclareConfig(new ConfigDeclaration("stacksCommand", "string", false, ctx.Options.StacksCommand,
            "the built stacks program, run by the probe command"));
        foreach (var probe in probes)
        {
            var res = new ProgramResource(LogicalNames.Probe(probe), "command:local:Command", probe);
            res.Properties["create"] = Expr.Ref(stacksCommand) + " " + Expr.Literal(ProbeArguments(ctx.Stack, probe));
            res.Properties["triggers"] = new JsonArray(JsonValue.Create(hash));
            res.Properties["logging"] = "stderr";
            res.DependsOn.AddRange(others.Where(o => !o.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)).Select(o => o.Key));
            res.CreateTimeout = "15m";
            ctx.Add(res);

            var outputName = "pullLatency" + (probes.Count == 1 ? "" : "-" + Expr.Slug(probe.Name));
            ctx.Program.Outputs[outputName] = Expr.Ref(res.Key, "stdout");
            ctx.Program.Outputs[outputName + "BudgetMs"] = (long)probe.Args.Budget.TotalMilliseconds;
            ctx.Program.Outputs[outputName + "Image"] = Expr.Literal(probe.Args.Image);
        }
    }

    /// <summary>
    /// The probe verb's arguments: the stack (which carries image, nodes, budget and transport), JSON on stdout, and the
    /// budget spelled out so a reviewer sees it in the diff.
    /// </summary>
    public static string ProbeArguments(Stack stack, PullLatencyProbe probe) =>
        string.Create(CultureInfo.InvariantCulture,
            $"probe --stack {stack.Name} --probe {probe.Name} --json --budget {(long)probe.Args.Budget.TotalMilliseconds}ms");

    /// <summary>SHA-256 of the inputs of every resource emitted so far, in emission order.</summary>
    public static string ConfigurationHash(PulumiProgram program)
    {
        var json = PulumiProgram.Serialize(program.ToJsonObject()["resources"]!);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
