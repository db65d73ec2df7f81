using System.Diagnostics;
using System.Text.Json.Nodes;
using ClusterRegistry.Cli.Staleness;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Pulumi.Tests.Gate;

/// <summary>
/// A stand-alone stack program built for real with `dotnet build`: the shape of a package consumer's project (it
/// references the ClusterRegistry assemblies, not their sources, and imports build/ClusterRegistry.Cli.targets as the
/// package's build/ folder would), with a Pulumi.yaml beside it. Its compiler is run as Pulumi runs it (from the
/// project folder, PULUMI_STACK and PULUMI_CONFIG set). Built once per test run (tens of seconds on a loaded machine).
/// </summary>
public sealed class BuiltStackProgram : IDisposable
{
    private readonly TempDir dir = new("stackprogram");

    public BuiltStackProgram()
    {
        var bin = AppContext.BaseDirectory;
        File.WriteAllText(Combine("Pulumi.yaml"), "name: edge\nruntime:\n  name: yaml\n  options:\n    compiler: dotnet bin/Release/net10.0/edge.dll compile\n");
        File.WriteAllText(Combine("Edge.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <AssemblyName>edge</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Path.Combine(bin, "ClusterRegistry.dll")}" />
                <Reference Include="{Path.Combine(bin, "ClusterRegistry.Cli.dll")}" />
              </ItemGroup>
              <Import Project="{Path.Combine(RepoPaths.Root, "src", "ClusterRegistry.Cli", "build", "ClusterRegistry.Cli.targets")}" />
            </Project>
            """);
        File.WriteAllText(Combine("Program.cs"),
            "return await ClusterRegistry.Cli.CliApp.RunAsync(args, new ClusterRegistry.StackCatalog()\n" +
            "    .Add(GateFixtures.ConfiguredPrependStack.StackName, () => new GateFixtures.ConfiguredPrependStack()));\n");
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "ClusterRegistry.Pulumi.Tests", "Gate", "ConfiguredPrependStack.cs"), Combine("ConfiguredPrependStack.cs"));

        var build = Start("dotnet", "build", "Edge.csproj", "-c", "Release", "-nologo", "-v:q", "--disable-build-servers", "-p:UseSharedCompilation=false");
        if (build.Exit != 0)
        {
            throw new InvalidOperationException($"dotnet build of the stand-alone stack program failed:\n{build.Out}\n{build.Err}");
        }
    }

    public string Combine(params string[] parts) => dir.Combine(parts);

    public (int Exit, string Out, string Err) Compile(string? stack, string? prependExisting, params string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            ["PULUMI_STACK"] = stack,
            ["PULUMI_CONFIG"] = prependExisting is null ? null : $$"""{"clusterregistry:spegelPrependExisting":"{{prependExisting}}"}""",
        };
        return Start(env, new[] { "dotnet", System.IO.Path.Combine("bin", "Release", "net10.0", "edge.dll"), "compile" }.Concat(args).ToArray());
    }

    private (int Exit, string Out, string Err) Start(params string[] argv) => Start(new Dictionary<string, string?>(), argv);

    private (int Exit, string Out, string Err) Start(Dictionary<string, string?> env, string[] argv)
    {
        var psi = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir.Path };
        foreach (var a in argv.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }

        // A build started from inside `dotnet test` must not inherit the outer build's MSBuild settings.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }

        psi.Environment.Remove("PULUMI_STACK");
        psi.Environment.Remove("PULUMI_CONFIG");
        foreach (var (k, v) in env)
        {
            if (v is not null)
            {
                psi.Environment[k] = v;
            }
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(600_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException(string.Join(' ', argv) + " did not finish in 10 minutes");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => dir.Dispose();
}

/// <summary>The built compiler: the gate on real values, the severity override, and the stale refusal.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class StaleProgramTests(BuiltStackProgram program) : IClassFixture<BuiltStackProgram>
{
    [Fact]
    public void A_sound_stack_exits_0_and_prints_its_program()
    {
        var (exit, stdout, stderr) = program.Compile("edge", "true");
        Assert.True(exit == 0, stderr);
        var resources = JsonNode.Parse(stdout)!["resources"]!.AsObject();
        Assert.Contains(resources, r => r.Key.StartsWith("talos-machine-network-", StringComparison.Ordinal));
        Assert.DoesNotContain("CRG", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_false_PrependExisting_from_the_stack_configuration_exits_1_with_CRG102_on_stderr_and_nothing_on_stdout()
    {
        var (exit, stdout, stderr) = program.Compile("edge", "false");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Matches(@"ConfiguredPrependStack\.cs\(\d+\): error CRG102: \w+ 'spegel' PrependExisting: Spegel mirrors ", stderr);
    }

    [Fact]
    public void An_editorconfig_in_the_project_folder_lowering_the_rule_lets_the_program_through_with_a_warning()
    {
        var editorconfig = program.Combine(".editorconfig");
        File.WriteAllText(editorconfig, "root = true\n\n[*.cs]\ndotnet_diagnostic.CRG102.severity = warning\n");
        try
        {
            var (exit, stdout, stderr) = program.Compile("edge", "false");
            Assert.True(exit == 0, stderr);
            Assert.NotNull(JsonNode.Parse(stdout)!["resources"]);
            Assert.Contains("warning CRG102:", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(editorconfig);
        }
    }

    [Theory]
    [InlineData("ConfiguredPrependStack.cs")]
    [InlineData("Edge.csproj")]
    public void Editing_an_input_after_the_build_makes_the_compiler_refuse_as_stale_until_the_bytes_are_back(string input)
    {
        var path = program.Combine(input);
        var original = File.ReadAllBytes(path);
        File.AppendAllText(path, input.EndsWith(".cs", StringComparison.Ordinal) ? "// edited after the build\n" : "<!-- edited after the build -->\n");
        try
        {
            foreach (var stack in new[] { "edge", null }) // also the plugin listing Pulumi asks for without a stack
            {
                var (exit, stdout, stderr) = program.Compile(stack, "true");
                Assert.Equal(2, exit);
                Assert.Equal("", stdout);
                var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains("is stale: " + input + " changed since it was built", line, StringComparison.Ordinal);
                Assert.EndsWith("rebuild it: dotnet build Edge.csproj -c Release", line, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.WriteAllBytes(path, original);
        }

        Assert.Equal(0, program.Compile("edge", "true").Exit);
    }

    [Fact]
    public void A_source_file_added_after_the_build_makes_it_stale()
    {
        var added = program.Combine("Staging.cs");
        File.WriteAllText(added, "namespace GateFixtures;\n");
        try
        {
            var (exit, _, stderr) = program.Compile("edge", "true");
            Assert.Equal(2, exit);
            Assert.Contains("is stale: Staging.cs was added", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(added);
        }
    }

    [Fact]
    public void The_repository_stacks_program_stamps_its_own_sources_and_those_of_every_project_it_references()
    {
        var stamp = InputStamp.Of(typeof(Stacks.StackDirectory).Assembly);
        Assert.NotNull(stamp);
        Assert.Equal("stacks/Stacks.csproj", stamp.Project);
        Assert.Equal("stacks/build-compiler.sh", stamp.Command);
        var files = stamp.Files.Select(f => f.Path).ToHashSet();
        foreach (var expected in new[]
                 {
                     "stacks/HomelabStack.cs", "stacks/Stacks.csproj", "Directory.Build.props", "Directory.Packages.props",
                     "src/ClusterRegistry/Stack.cs", "src/ClusterRegistry.Pulumi/PulumiProgramEmitter.cs",
                     "src/ClusterRegistry.Rules/ClusterRegistry.Rules.csproj", "src/ClusterRegistry.Cli/Verbs/CompileVerb.cs",
                 })
        {
            Assert.Contains(expected, files);
        }

        Assert.Contains("src/ClusterRegistry.Rules", stamp.ScanDirectories); // referenced transitively (via Cli → Pulumi)
        Assert.DoesNotContain(files, f => f.Contains("/obj/", StringComparison.Ordinal) || f.Contains("/bin/", StringComparison.Ordinal));
        var report = StalenessCheck.Check(stamp, RepoPaths.Root, "stacks");
        Assert.True(report.IsCurrent, report.Message);
    }
}
