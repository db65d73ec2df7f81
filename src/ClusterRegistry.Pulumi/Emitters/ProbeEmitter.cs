using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClusterRegistry.Probes;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Rules.Values;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>
/// The post-deploy pull-latency gate: a <c>command:local:Command</c> per probe running the stacks program's
/// <c>probe --stack NAME --json</c> after every other resource (<c>dependsOn</c>), re-run whenever the declared
/// configuration changes (<c>triggers</c>: a hash of every other resource's inputs; triggers replace on change). The probe
/// exits non-zero over budget, which fails the update. Its JSON report is a stack output.
/// A probe that pulls <c>--via registry</c> talks to the registry itself, so it needs the credentials the stack's Talos
/// patches give containerd for the image's host: they reach the command through its <c>environment</c>, under the
/// variable names the probe verb resolves (<see cref="TalosRegistryAuth.UsernameVariable"/>, the password's
/// <see cref="Secret.Variable"/>), as output references of the robot (<c>${robot-x.fullName}</c>, <c>${robot-x.secret}</c>)
/// — never on the command line and never in the program.
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
            var credentials = CredentialEnvironment(ctx, probe);
            if (credentials.Count > 0)
            {
                res.Properties["environment"] = credentials;
            }

            res.DependsOn.AddRange(others.Where(o => !o.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)).Select(o => o.Key));
            res.CreateTimeout = "15m";
            ctx.Add(res);

            var outputName = "pullLatency" + (probes.Count == 1 ? "" : "-" + Expr.Slug(probe.Name));
            // With a secret in its inputs the command provider marks stdout secret too (pulumi-command#256), which would hide
            // the figures behind [secret]. The report holds timings, sizes, digests and a failure class, never a credential.
            ctx.Program.Outputs[outputName] = credentials.Count > 0
                ? new JsonObject { ["fn::unsecret"] = Expr.Ref(res.Key, "stdout") }
                : Expr.Ref(res.Key, "stdout");
            ctx.Program.Outputs[outputName + "BudgetMs"] = probe.Args.Budget.TotalMilliseconds;
            ctx.Program.Outputs[outputName + "Image"] = Expr.Literal(probe.Args.Image);
        }
    }

    /// <summary>
    /// The probe verb's arguments: the stack (which carries image, nodes, budget and transport), JSON on stdout, and the
    /// budget spelled out so a reviewer sees it in the diff.
    /// </summary>
    public static string ProbeArguments(Stack stack, PullLatencyProbe probe) =>
        string.Create(CultureInfo.InvariantCulture,
            $"probe --stack {stack.Name} --probe {probe.Name} --json --budget {BudgetText(probe.Args.Budget)}");

    /// <summary>The budget as the probe verb parses it, in milliseconds without rounding a sub-millisecond budget to 0.</summary>
    public static string BudgetText(TimeSpan budget) =>
        budget.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";

    /// <summary>
    /// The environment a <c>--via registry</c> probe needs: for the first Talos patch that configures auth for the image's
    /// host (the probe verb's own lookup, <c>StackProbes</c>), the username variable and the password variable, each bound
    /// to its program reference. Empty for the cri/kubernetes paths, where containerd or the kubelet authenticate.
    /// </summary>
    public static JsonObject CredentialEnvironment(EmitContext ctx, PullLatencyProbe probe)
    {
        var env = new JsonObject();
        if (probe.Args.Via != "registry" || !ImageReference.TryParse(probe.Args.Image, out var image))
        {
            return env;
        }

        foreach (var patch in ctx.Stack.ResourcesOf<TalosMachinePatch>())
        {
            if (!patch.Args.RegistryConfig.TryGetValue(image.Registry, out var config) || config.Auth is not { } auth)
            {
                continue;
            }

            if (auth.UsernameVariable is { } userVariable && ctx.Secrets.References.TryGetValue(userVariable, out var user))
            {
                env[userVariable] = user;
            }

            if (auth.Password is { } password)
            {
                env[password.Variable] = ctx.Secrets.References[password.Variable];
            }

            if (env.Count > 0)
            {
                break;
            }
        }

        return env;
    }

    /// <summary>SHA-256 of the inputs of every resource emitted so far, in emission order.</summary>
    public static string ConfigurationHash(PulumiProgram program)
    {
        var json = PulumiProgram.Serialize(program.ToJsonObject()["resources"]!);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
