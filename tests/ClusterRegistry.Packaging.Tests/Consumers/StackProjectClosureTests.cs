using System.Globalization;
using System.Text.Json;
using ClusterRegistry.Packaging.Tests.Feed;
using Xunit.Abstractions;

namespace ClusterRegistry.Packaging.Tests.Consumers;

/// <summary>
/// What a stack project restores: <c>ClusterRegistry</c> + <c>ClusterRegistry.Cli</c> (the verbs synth, check, compile,
/// diff, doctor, probe without plots) must not bring plotting (ScottPlot, SkiaSharp) or the Kubernetes client; those
/// come with the optional packages or the tool, and the CLI says which package a verb needs when it is missing.
/// </summary>
[Collection(FeedCollection.Name)]
public sealed class StackProjectClosureTests(LocalFeed feed, ITestOutputHelper output)
{
    private static readonly string[] OptionalOnly = ["ScottPlot", "SkiaSharp", "HarfBuzzSharp", "KubernetesClient", "Fractions", "System.IdentityModel.Tokens.Jwt"];

    [Fact]
    public async Task A_stack_project_restores_no_plotting_or_kubernetes_client_and_is_told_which_package_a_verb_needs()
    {
        var dir = feed.NewFolder("stack-project");
        feed.WriteConsumerSettings(dir);
        var packages = Path.Combine(dir, ".packages");
        var env = LocalFeed.ConsumerEnvironment(packages);
        File.WriteAllText(Path.Combine(dir, "MyStacks.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ClusterRegistry" Version="{feed.Version}" />
                <PackageReference Include="ClusterRegistry.Cli" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "return await ClusterRegistry.Cli.CliApp.RunAsync(args, new ClusterRegistry.StackCatalog());\n");
        var build = await Dotnet.RunAsync(dir, ["build", "-c", "Release", "-nologo", "-v:q", "-clp:NoSummary"], TimeSpan.FromMinutes(10), env);
        Assert.True(build.ExitCode == 0, build.StandardOutput + build.StandardError);

        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "obj", "project.assets.json")));
        var restored = assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package")
            .Select(l => l.Name.Split('/')[0])
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var bytes = new DirectoryInfo(packages).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stack project closure: {restored.Length} packages, {bytes / 1e6:0.0} MB in its package cache"));
        output.WriteLine(string.Join(", ", restored));
        var unwanted = restored.Where(id => OptionalOnly.Any(o => id.StartsWith(o, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(unwanted.Length == 0, "a stack project restores what only the optional packages need: " + string.Join(", ", unwanted));

        var dll = Path.Combine(dir, "bin", "Release", "net10.0", "MyStacks.dll");
        var report = await Dotnet.RunAsync(dir, [dll, "probe", "report", "--history", Path.Combine(dir, "h.db"), "--out", Path.Combine(dir, "r.png")], TimeSpan.FromMinutes(2), env);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("ClusterRegistry.Probe.Reports", report.StandardError);
        Assert.StartsWith("error:", report.StandardError);
        Assert.False(File.Exists(Path.Combine(dir, "r.png")));

        var kube = await Dotnet.RunAsync(dir, [dll, "probe", "127.0.0.1:1/library/app:v1", "--via", "kubernetes", "--no-history"], TimeSpan.FromMinutes(2), env);
        Assert.Equal(2, kube.ExitCode);
        Assert.Contains("dotnet add package ClusterRegistry.Probe.Kubernetes", kube.StandardError);
    }
}
