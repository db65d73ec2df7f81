using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Registries;
using ClusterRegistry.Rules.Values;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>
/// The post-deploy pull-latency gate: a <c>command:local:Command</c> per probe running the native <c>clusterregistry</c>
/// binary (<c>src/ClusterRegistry.Tool/build-native.sh</c>) with the probe spelled out in full when that binary is there,
/// else the stacks program's <c>probe --stack NAME --json</c> (one shell <c>if [ -x … ]</c>, so the choice is made where
/// the command runs and the program stays the same), after every other resource (<c>dependsOn</c>), re-run whenever the declared
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
            "the built stacks program, run by the probe command when the native binary is not there"));
        var nativeCommand = ctx.Program.DeclareConfig(new ConfigDeclaration("clusterregistryCommand", "string", false, ctx.Options.ClusterRegistryCommand,
            "the native clusterregistry binary (src/ClusterRegistry.Tool/build-native.sh), run by the probe command when it is there"));
        foreach (var probe in probes)
        {
            var res = new ProgramResource(LogicalNames.Probe(probe), "command:local:Command", probe);
            var native = Expr.Ref(nativeCommand);
            res.Properties["create"] =
                $"if [ -x {native} ]; then {native} {Expr.Literal(NativeProbeArguments(ctx.Stack, probe))}; " +
                $"else {Expr.Ref(stacksCommand)} {Expr.Literal(ProbeArguments(ctx.Stack, probe))}; fi";
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

    /// <summary>
    /// The same probe for the native binary, which has no stacks: everything the stack path (<c>StackProbes</c>) derives
    /// from the stack, as options — image, path, budget, timeout, nodes, plain HTTP when the stack's Harbor serves the
    /// image's host over http, and the names of the variables holding the credentials the Talos patches give containerd
    /// for that host (<c>--username-env</c>/<c>--password-env</c>: the values come through <c>environment</c>, never
    /// the command line). <c>--probe NAME</c> labels the report as the stack path does.
    /// </summary>
    public static string NativeProbeArguments(Stack stack, PullLatencyProbe probe)
    {
        var a = probe.Args;
        var args = new List<string>
        {
            "probe", a.Image, "--probe", probe.Name, "--via", a.Via, "--json", "--budget", BudgetText(a.Budget), "--timeout", BudgetText(a.Timeout),
        };
        if (a.Nodes.Count > 0)
        {
            args.AddRange(["--nodes", string.Join(',', a.Nodes)]);
        }

        if (a.Via == "registry" && ImageReference.TryParse(a.Image, out var image))
        {
            if (ServesPlainHttp(stack, image.Registry))
            {
                args.Add("--plain-http");
            }

            if (CredentialVariables(stack, image.Registry) is { } vars)
            {
                args.AddRange(vars.User is { } uv ? ["--username-env", uv] : ["--username", ShellQuote(vars.Username!)]);
                args.AddRange(["--password-env", vars.Password]);
            }
        }

        return string.Join(' ', args);
    }

    /// <summary>Whether the stack's Harbor serves <paramref name="host"/> over plain http (the rule <c>StackProbes</c> applies).</summary>
    public static bool ServesPlainHttp(Stack stack, string host) =>
        stack.ResourcesOf<HarborRegistry>().Any(h =>
            (h.Args.ExternalUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == "http" && u.Authority == host) ||
            (!h.Args.Tls && h.Args.LoadBalancerIP == host)) ||
        stack.ResourcesOf<ExternalRegistry>().Any(e => e.Scheme == "http" && e.RegistryHost == host);

    /// <summary>The first Talos patch's auth for <paramref name="host"/>: the username (or its variable) and the password variable.</summary>
    private static (string? User, string? Username, string Password)? CredentialVariables(Stack stack, string host)
    {
        foreach (var patch in stack.ResourcesOf<TalosMachinePatch>())
        {
            if (patch.Args.RegistryConfig.TryGetValue(host, out var config) && config.Auth is { Password: { } password } auth &&
                (auth.UsernameVariable is not null || auth.Username is not null))
            {
                return (auth.UsernameVariable, auth.Username, password.Variable);
            }
        }

        return null;
    }

    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\''", StringComparison.Ordinal) + "'";

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
