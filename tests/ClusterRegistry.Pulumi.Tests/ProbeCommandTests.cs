using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterRegistry.Cli;
using ClusterRegistry.Harbor;
using ClusterRegistry.Pulumi.Emitters;
using ClusterRegistry.Pulumi.Tests.Validation;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Images;
using ClusterRegistry.Testing.Registry;
using Stacks;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>The post-deploy pull-latency gate as emitted: ordering, re-run triggers, outputs, and its command line.</summary>
public sealed class ProbeCommandTests
{
    private static JsonObject Emit(Stack stack) => JsonNode.Parse(new PulumiProgramEmitter().Emit(stack).ToJson())!.AsObject();

    [Fact]
    public void The_probe_runs_after_everything_else_with_json_and_the_budget_and_exports_its_figures()
    {
        var program = Emit(StackDirectory.Catalog.Build("homelab"));
        var resources = program["resources"]!.AsObject();
        var probe = resources["probe-pull-latency"]!.AsObject();
        Assert.Equal("probe-pull-latency", resources.Last().Key); // emitted last

        var dependsOn = probe["options"]!["dependsOn"]!.AsArray().Select(d => (string)d!).ToHashSet();
        var everythingElse = resources.Where(r => r.Key != "probe-pull-latency" && !((string)r.Value!["type"]!).StartsWith("pulumi:providers:", StringComparison.Ordinal))
            .Select(r => "${" + r.Key + "}").ToHashSet();
        Assert.Equal(everythingElse, dependsOn);

        Assert.Equal(
            "if [ -x ${clusterregistryCommand} ]; then ${clusterregistryCommand} probe 192.168.1.105/library/myapp:v1 --probe pull-latency --via cri --json --budget 1000ms --timeout 120000ms; " +
            "else ${stacksCommand} probe --stack homelab --probe pull-latency --json --budget 1000ms; fi",
            (string)probe["properties"]!["create"]!);
        Assert.Null(probe["properties"]!["environment"]); // the cri path: containerd authenticates, the probe needs no credentials
        Assert.Equal("${probe-pull-latency.stdout}", (string)program["outputs"]!["pullLatency"]!);
        Assert.Equal(1000, (double)program["outputs"]!["pullLatencyBudgetMs"]!);
        Assert.Equal("192.168.1.105/library/myapp:v1", (string)program["outputs"]!["pullLatencyImage"]!);
    }

    [Fact]
    public void The_probe_is_replaced_and_so_re_run_when_the_rendered_configuration_changes_and_only_then()
    {
        static string Trigger(Stack s) => (string)Emit(s)["resources"]!["probe-pull-latency"]!["properties"]!["triggers"]![0]!;

        var a = Trigger(Stack.Build(() => new GeneratedStack(3)));
        Assert.Equal(a, Trigger(Stack.Build(() => new GeneratedStack(3))));
        Assert.StartsWith("sha256:", a, StringComparison.Ordinal);
        Assert.NotEqual(a, Trigger(Stack.Build(() => new GeneratedStack(3, prependExisting: false)))); // a Spegel value
        Assert.NotEqual(a, Trigger(Stack.Build(() => new GeneratedStack(4)))); // one more node patched
    }

    [Fact]
    public void A_sub_millisecond_budget_is_not_rounded_to_zero()
    {
        Assert.Equal("0.5ms", ProbeEmitter.BudgetText(TimeSpan.FromMicroseconds(500)));
        Assert.Equal("2000ms", ProbeEmitter.BudgetText(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_registry_probe_gets_the_robot_credentials_as_output_references_in_its_environment()
    {
        var program = Emit(Stack.Build(() => new RegistryProbeStack("127.0.0.1:5999", TimeSpan.FromSeconds(30))));
        Assert.Empty(ProgramValidator.Validate(program));
        var probe = program["resources"]!["probe-pull"]!["properties"]!;
        var env = probe["environment"]!.AsObject();
        Assert.Equal("${robot-probe-pull.fullName}", (string)env[RegistryProbeStack.UsernameVariable]!);
        Assert.Equal("${robot-probe-pull.secret}", (string)env[RegistryProbeStack.PasswordVariable]!);
        Assert.Equal(2, env.Count);
        // Neither value is on the command line: the native branch names the variables (--username-env/--password-env).
        Assert.DoesNotContain("${robot-", (string)probe["create"]!, StringComparison.Ordinal);
        Assert.Contains($"--username-env {RegistryProbeStack.UsernameVariable} --password-env {RegistryProbeStack.PasswordVariable}", (string)probe["create"]!, StringComparison.Ordinal);
        // The secret input makes the provider mark stdout secret; the figures are unsecreted for the stack output.
        Assert.Equal("${probe-pull.stdout}", (string)program["outputs"]!["pullLatency"]!["fn::unsecret"]!);
    }
}

/// <summary>
/// The emitted probe command run the way pulumi-command runs it, against a real registry (docker-registry with htpasswd
/// on loopback): the engine's part (resolving <c>${...}</c> and <c>$$</c>, setting the environment) is done here, the rest
/// is the real probe verb. The catalog is the test's, because the registry's port is only known at run time; the argv is
/// the emitted one, so a drift between ProbeEmitter and the probe verb's options fails here.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ProbeCommandRunTests
{
    private const string Password = "Probe-Robot-Secret-4d1e";

    [Theory]
    [InlineData(Branch.StacksProgram)]
    [InlineData(Branch.NativeArguments)]
    public async Task The_emitted_command_pulls_with_the_robot_credentials_and_fails_the_update_over_budget(Branch branch)
    {
        using var temp = new TempDir("probe-command");
        var user = "robot$probe-pull";
        using var registry = await RegistryProcess.StartAsync(temp.Combine("registry"), RegistryAuthMode.Htpasswd, user, Password);
        var layout = new OciLayoutBuilder(temp.Combine("layout"));
        layout.Tag("app", layout.AddImage([200_000, 100_000], seed: 7).Manifest);
        await Skopeo.PushAsync(layout.Directory, "app", $"{registry.Host}/library/app:v1", user, Password);

        var within = await RunEmittedProbe(branch, registry.Host, TimeSpan.FromSeconds(60), user, temp.Combine("xdg"));
        Assert.True(within.Exit == 0, within.Err + within.Out);
        var report = JsonDocument.Parse(within.Out).RootElement;
        Assert.True(report.GetProperty("ok").GetBoolean());
        Assert.Equal("registry", report.GetProperty("via").GetString());
        Assert.Equal("pull", report.GetProperty("probe").GetString());
        Assert.Equal(60_000, report.GetProperty("budgetMs").GetDouble());
        Assert.True(report.GetProperty("bytes").GetInt64() >= 300_000);
        Assert.DoesNotContain(Password, within.Out + within.Err, StringComparison.Ordinal);

        var over = await RunEmittedProbe(branch, registry.Host, TimeSpan.FromMicroseconds(1), user, temp.Combine("xdg"));
        Assert.Equal(1, over.Exit); // non-zero: pulumi-command fails the resource, so the update fails
        Assert.False(JsonDocument.Parse(over.Out).RootElement.GetProperty("withinBudget").GetBoolean());

        // Without the credentials the emitter wires in, the same command is refused by the registry: the env is what works.
        var anonymous = await RunEmittedProbe(branch, registry.Host, TimeSpan.FromSeconds(60), user, temp.Combine("xdg"), withEnvironment: false);
        Assert.Equal(2, anonymous.Exit);
        if (branch == Branch.StacksProgram)
        {
            Assert.Equal("unauthorized", JsonDocument.Parse(anonymous.Out).RootElement.GetProperty("failure").GetProperty("class").GetString());
        }
        else
        {
            // The native branch names the variables, so a missing one is said before any pull.
            Assert.Contains($"--password-env {RegistryProbeStack.PasswordVariable}: the variable is not set", anonymous.Err, StringComparison.Ordinal);
        }
    }

    /// <summary>Which side of the emitted <c>if [ -x native ]; then …; else …; fi</c> runs.</summary>
    public enum Branch
    {
        /// <summary>The fallback: the stacks program's <c>probe --stack</c>, run here with the test's catalog.</summary>
        StacksProgram,

        /// <summary>
        /// The native binary's fully spelled-out arguments, run here with an EMPTY catalog: they must not need the stack. (The
        /// native binary itself runs the same verb; tests/ClusterRegistry.Probe.Tests/Native run it as a process.)
        /// </summary>
        NativeArguments,
    }

    private static async Task<(int Exit, string Out, string Err)> RunEmittedProbe(Branch branch, string host, TimeSpan budget, string robotFullName, string xdg,
        bool withEnvironment = true)
    {
        var stack = Stack.Build(() => new RegistryProbeStack(host, budget));
        var res = new PulumiProgramEmitter().Emit(stack).ToJsonObject()["resources"]!["probe-pull"]!["properties"]!;

        // What the engine knows once the robot exists: its outputs; and the config default of stacksCommand.
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["stacksCommand"] = "STACKS",
            ["clusterregistryCommand"] = "NATIVE",
            ["robot-probe-pull.fullName"] = robotFullName,
            ["robot-probe-pull.secret"] = Password,
        };
        var create = EngineStandIn.Resolve((string)res["create"]!, values);
        var shape = System.Text.RegularExpressions.Regex.Match(create, "^if \\[ -x NATIVE \\]; then NATIVE (?<native>[^;]+); else STACKS (?<stacks>[^;]+); fi$");
        Assert.True(shape.Success, create);
        var argv = shape.Groups[branch == Branch.StacksProgram ? "stacks" : "native"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("probe", argv[0]);

        var env = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = xdg };
        if (withEnvironment)
        {
            foreach (var (k, v) in res["environment"]!.AsObject())
            {
                env[k] = EngineStandIn.Resolve((string)v!, values);
            }
        }

        var saved = env.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (k, v) in env)
            {
                Environment.SetEnvironmentVariable(k, v);
            }

            var catalog = branch == Branch.StacksProgram
                ? new StackCatalog().Add(RegistryProbeStack.StackName, () => new RegistryProbeStack(host, budget))
                : new StackCatalog();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await CliApp.RunAsync(argv, catalog, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            foreach (var (k, v) in saved)
            {
                Environment.SetEnvironmentVariable(k, v);
            }
        }
    }
}
