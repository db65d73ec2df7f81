using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Pulumi.Tests.Validation;
using ClusterRegistry.Testing;
using Stacks;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>The root Pulumi.yaml and the Pulumi.&lt;stack&gt;.yaml settings files against what the compiler emits.</summary>
public sealed class ProjectFileTests
{
    private static JsonObject Yaml(string file) => YamlDocuments.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, file))).Single();

    [Fact]
    public void Pulumi_yaml_runs_the_already_built_compiler_that_the_build_script_produces()
    {
        var project = Yaml("Pulumi.yaml");
        Assert.Equal("clusterregistry", (string)project["name"]!);
        Assert.Equal("yaml", (string)project["runtime"]!["name"]!);
        var compiler = ((string)project["runtime"]!["options"]!["compiler"]!).Split(' ');
        Assert.Equal(new[] { "./artifacts/stacks/stacks", "compile" }, compiler); // a built binary, not `dotnet run`
        Assert.Null(project["resources"]); // the program comes from the compiler only

        // The probe command runs the same binary, and the build script writes it there by default.
        Assert.Equal(compiler[0], ProgramOptions.Default.StacksCommand);
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "stacks", "build-compiler.sh"));
        Assert.Contains("out=\"${1:-$root/artifacts/stacks}\"", script, StringComparison.Ordinal);
        Assert.Contains("-p:PublishReadyToRun=true", script, StringComparison.Ordinal);
        Assert.Contains("Stacks.csproj", script, StringComparison.Ordinal);
        Assert.Equal("stacks", System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "stacks", "Stacks.csproj"))
            .Descendants("AssemblyName").Single().Value); // so the apphost is artifacts/stacks/stacks
    }

    [Theory]
    [InlineData("homelab")]
    [InlineData("local")]
    public void Each_stack_file_sets_what_its_program_needs_and_holds_no_secret_in_clear(string stack)
    {
        var settings = Yaml($"Pulumi.{stack}.yaml")["config"]!.AsObject();
        var program = new PulumiProgramEmitter().Emit(StackDirectory.Catalog.Build(stack));

        // Keys of this project must be config the program declares (a typo would silently fall back to a default).
        var declared = program.Config.ToDictionary(c => c.Key);
        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith("clusterregistry:", StringComparison.Ordinal)))
        {
            var name = key["clusterregistry:".Length..];
            Assert.True(declared.TryGetValue(name, out var decl), $"{key} is not declared by the {stack} program");
            Assert.False(decl!.Secret, $"{key} is secret: set it with `pulumi config set --secret`, not in clear");
        }

        // Non-secret config without a default must be set; secret config is set encrypted by the CLI (docs/pulumi.md).
        foreach (var c in program.Config.Where(c => !c.Secret && c.Default is null))
        {
            Assert.True(settings.ContainsKey("clusterregistry:" + c.Key), $"{stack}: clusterregistry:{c.Key} must be set");
        }

        // The harbor provider reads harbor:url / harbor:username from here and harbor:password (secret) from the CLI.
        if (program.Resources.Any(r => r.Type == "pulumi:providers:harbor"))
        {
            Assert.StartsWith("http", (string)settings["harbor:url"]!, StringComparison.Ordinal);
            Assert.NotNull(settings["harbor:username"]);
        }

        foreach (var (key, value) in settings)
        {
            var secretKey = key.EndsWith("password", StringComparison.OrdinalIgnoreCase) || key.Contains("Key", StringComparison.Ordinal) ||
                            key.Contains("MachineConfig", StringComparison.Ordinal);
            Assert.False(secretKey && value is JsonValue, $"{key} holds a plain value; only `secure:` (encrypted) entries are allowed");
        }
    }
}
