using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Tests.Validation;

namespace ClusterRegistry.Pulumi.Tests;

public sealed class EmittedProgramTests
{
    private static JsonObject Emit(string stack) =>
        JsonNode.Parse(new PulumiProgramEmitter().Emit(TestStacks.Build(stack)).ToJson())!.AsObject();

    [Theory]
    [MemberData(nameof(TestStacks.AllNames), MemberType = typeof(TestStacks))]
    public void Every_type_input_reference_and_option_checks_against_the_provider_schemas(string stack)
    {
        var problems = ProgramValidator.Validate(Emit(stack));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(TestStacks.AllNames), MemberType = typeof(TestStacks))]
    public void No_secret_value_reaches_the_program(string stack)
    {
        foreach (var variable in new[] { "HARBOR_ADMIN_PASSWORD", "HARBOR_ROBOT_PASSWORD", "HARBOR_ROBOT_USERNAME", "HARBOR_ROBOT_NODE_PULL_SECRET", "DOCKERHUB_TOKEN" })
        {
            Environment.SetEnvironmentVariable(variable, TestStacks.Sentinel);
        }

        var json = new PulumiProgramEmitter().Emit(TestStacks.Build(stack)).ToJson();
        Assert.DoesNotContain(TestStacks.Sentinel, json, StringComparison.Ordinal);
        // Placeholders of secrets never survive as literal text: each became an output or config reference.
        Assert.DoesNotContain("$${HARBOR_", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStacks.AllNames), MemberType = typeof(TestStacks))]
    public void The_same_stack_gives_byte_identical_output(string stack)
    {
        var a = new PulumiProgramEmitter().Emit(TestStacks.Build(stack)).ToJson();
        var b = new PulumiProgramEmitter().Emit(TestStacks.Build(stack)).ToJson();
        Assert.Equal(a, b);
        Assert.DoesNotContain("\r", a, StringComparison.Ordinal);
        Assert.EndsWith("}\n", a, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_catches_what_it_claims_to()
    {
        var program = Emit("homelab");
        var robot = program["resources"]!["robot-cluster-pull"]!.AsObject();
        robot["properties"]!.AsObject().Remove("level");
        robot["properties"]!["permissions"]![0]!["access"] = new JsonArray();
        program["resources"]!["ns-harbor"]!["properties"]!["metadata"]!["nmae"] = "x";
        program["resources"]!["talos-machine-network-192-168-1-98"]!["properties"]!["logging"] = "everything";
        program["resources"]!["talos-machine-network-192-168-1-99"]!["properties"]!["environment"]!["X"] = "${robot-cluster-pull.password}";
        program["resources"]!["talos-machine-network-192-168-1-100"]!["properties"]!["environment"]!["Y"] = "${nowhere}";
        program["resources"]!["harbor-provider"]!["type"] = "harbor:index/robot:Robot";

        var problems = ProgramValidator.Validate(program);
        Assert.Contains(problems, p => p.Contains("missing required input 'level'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'access' is not a field", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ns-harbor.metadata", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"everything\" is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("reads 'password', which is not an output", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("${nowhere} is neither", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("does not exist in the harbor schema", StringComparison.Ordinal));
    }

    [Fact]
    public void Homelab_emits_the_seed_topology()
    {
        var resources = Emit("homelab")["resources"]!.AsObject();
        var types = resources.ToDictionary(r => r.Key, r => (string)r.Value!["type"]!);
        Assert.Equal("kubernetes:core/v1:Namespace", types["ns-harbor"]);
        Assert.False(resources.ContainsKey("ns-kube-system"));
        Assert.Equal("kubernetes:yaml/v2:ConfigGroup", types["harbor"]);
        Assert.Equal("kubernetes:yaml/v2:ConfigGroup", types["spegel"]);
        Assert.Equal("pulumi:providers:harbor", types["harbor-provider"]);
        Assert.Equal("harbor:index/robotAccount:RobotAccount", types["robot-cluster-pull"]);
        foreach (var node in new[] { "192-168-1-98", "192-168-1-99", "192-168-1-100" })
        {
            Assert.Equal("command:local:Command", types["talos-machine-network-" + node]);
        }

        Assert.Equal("command:local:Command", types["probe-pull-latency"]);
        Assert.Equal(10, resources.Count);

        var spegelRelease = resources["spegel"]!["properties"]!["objs"]!.AsArray().Single(o => (string)o!["kind"]! == "HelmRelease")!;
        Assert.Equal("/etc/cri/conf.d/hosts", (string)spegelRelease["spec"]!["values"]!["spegel"]!["containerdRegistryConfigPath"]!);
        Assert.True((bool)spegelRelease["spec"]!["values"]!["spegel"]!["prependExisting"]!);
        Assert.Equal(7, spegelRelease["spec"]!["values"]!["spegel"]!["mirroredRegistries"]!.AsArray().Count);
    }

    [Fact]
    public void The_robot_secret_flows_into_every_node_patch_as_an_output_reference()
    {
        var resources = Emit("homelab")["resources"]!.AsObject();
        foreach (var (key, res) in resources.Where(r => r.Key.StartsWith("talos-", StringComparison.Ordinal)))
        {
            var patch = res!["properties"]!["stdin"]!["fn::toJSON"]!;
            var auth = patch["machine"]!["registries"]!["config"]!["harbor.harbor.svc.cluster.local"]!["auth"]!;
            Assert.Equal("${robot-cluster-pull.secret}", (string)auth["password"]!);
            Assert.Equal("${robot-cluster-pull.fullName}", (string)auth["username"]!);
            // The command line and the environment carry no secret: talosctl reads the patch from stdin ($$ is Pulumi's
            // escape for a literal $).
            var create = (string)res["properties"]!["create"]!;
            Assert.DoesNotContain("${", create, StringComparison.Ordinal);
            Assert.EndsWith("--patch @/dev/stdin", create, StringComparison.Ordinal);
            var env = res["properties"]!["environment"]!.AsObject();
            Assert.Equal(new[] { "TALOSCONFIG", "TALOS_NODE" }, env.Select(e => e.Key));
            Assert.Equal(key["talos-machine-network-".Length..].Replace('-', '.'), (string)env["TALOS_NODE"]!);
        }
    }

    [Fact]
    public void Spegel_outside_kube_system_gets_a_privileged_namespace_and_helm_delivery_makes_releases()
    {
        var resources = Emit("variant")["resources"]!.AsObject();
        var ns = resources["ns-spegel"]!["properties"]!["metadata"]!;
        Assert.Equal("privileged", (string)ns["labels"]!["pod-security.kubernetes.io/enforce"]!);
        Assert.Null(resources["ns-registry"]!["properties"]!["metadata"]!["labels"]);

        var spegel = resources["spegel"]!.AsObject();
        Assert.Equal("kubernetes:helm.sh/v3:Release", (string)spegel["type"]!);
        Assert.Equal("oci://ghcr.io/spegel-org/helm-charts/spegel", (string)spegel["properties"]!["chart"]!);
        Assert.Contains("${ns-spegel}", spegel["options"]!["dependsOn"]!.AsArray().Select(d => (string)d!));

        var harbor = resources["harbor"]!["properties"]!;
        Assert.Equal("https://helm.goharbor.io", (string)harbor["repositoryOpts"]!["repo"]!);
        Assert.Equal(2, (long)harbor["values"]!["core"]!["replicas"]!);
        Assert.Equal("harbor-admin", (string)harbor["values"]!["existingSecretAdminPassword"]!);
        Assert.Equal("harbor-admin", (string)resources["harbor-admin-password"]!["properties"]!["metadata"]!["name"]!);
    }

    [Fact]
    public void ConfigurationApply_takes_machine_config_and_client_config_from_secret_stack_config()
    {
        var program = Emit("variant");
        var config = program["config"]!.AsObject();
        Assert.True((bool)config["talosClientKey"]!["secret"]!);
        Assert.True((bool)config["talosMachineConfig-192-168-1-98"]!["secret"]!);
        var apply = program["resources"]!["talos-registry-192-168-1-98"]!["properties"]!;
        Assert.Equal("${talosMachineConfig-192-168-1-98}", (string)apply["machineConfigurationInput"]!);
        Assert.Equal("${talosClientKey}", (string)apply["clientConfiguration"]!["clientKey"]!);
        var patch = apply["configPatches"]![0]!["fn::toJSON"]!;
        Assert.Equal("${robot-node-pull.secret}", (string)patch["machine"]!["registries"]!["config"]!["harbor.registry.svc.cluster.local"]!["auth"]!["password"]!);
    }

    [Fact]
    public void Robots_carry_permissions_with_accesses_and_the_project_robot_waits_for_its_project()
    {
        var resources = Emit("variant")["resources"]!.AsObject();
        var ci = resources["robot-ci"]!.AsObject();
        Assert.Equal("project", (string)ci["properties"]!["level"]!);
        Assert.Equal(90, (int)ci["properties"]!["duration"]!);
        var accesses = ci["properties"]!["permissions"]![0]!["accesses"]!.AsArray();
        Assert.Equal(new[] { "pull", "push" }, accesses.Select(a => (string)a!["action"]!));
        Assert.Contains("${project-apps}", ci["options"]!["dependsOn"]!.AsArray().Select(d => (string)d!));
        Assert.Equal("${harbor-provider}", (string)ci["options"]!["provider"]!);
        Assert.Equal(50, (int)resources["project-apps"]!["properties"]!["storageQuota"]!);
    }

    [Fact]
    public void A_proxy_cache_project_gets_a_registry_endpoint_and_references_its_id()
    {
        var resources = Emit("variant")["resources"]!.AsObject();
        var upstream = resources["registry-proxy-dockerhub"]!.AsObject();
        Assert.Equal("harbor:index/registry:Registry", (string)upstream["type"]!);
        Assert.Equal("https://hub.docker.com", (string)upstream["properties"]!["endpointUrl"]!);
        Assert.Equal("docker-hub", (string)upstream["properties"]!["providerName"]!);
        Assert.Equal("homelab", (string)upstream["properties"]!["accessId"]!);
        Assert.StartsWith("${", (string)upstream["properties"]!["accessSecret"]!);
        var project = resources["project-proxy-dockerhub"]!.AsObject();
        Assert.Equal("${registry-proxy-dockerhub.registryId}", (string)project["properties"]!["registryId"]!);
        Assert.True((bool)project["properties"]!["public"]!);
    }
}
