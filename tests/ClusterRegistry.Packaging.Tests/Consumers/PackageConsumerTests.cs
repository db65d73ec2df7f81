using ClusterRegistry.Packaging.Tests.Feed;
using Xunit.Abstractions;

namespace ClusterRegistry.Packaging.Tests.Consumers;

/// <summary>
/// Each library package of the feed, as `dotnet add package X` in an empty folder gives it: a throw-away console
/// project per package, restored from the local feed alone (plus nuget.org for third-party ids), built, and run, so a
/// dependency on an id we never pack, or an assembly missing at run time, fails here.
/// </summary>
[Collection(FeedCollection.Name)]
public sealed class PackageConsumerTests(LocalFeed feed, ITestOutputHelper output)
{
    /// <summary>
    /// What the consumer of each package runs. A package that appears in the feed without an entry here fails the
    /// test: every package we pack has a consumer.
    /// </summary>
    private static readonly Dictionary<string, string> ConsumerCode = new(StringComparer.Ordinal)
    {
        ["ClusterRegistry"] = "Show(typeof(ClusterRegistry.Stack)); Show(typeof(ClusterRegistry.Rules.RuleCatalog)); Console.WriteLine(\"rules: \" + ClusterRegistry.Rules.RuleCatalog.All.Count);",
        ["ClusterRegistry.Rendering"] = "Show(typeof(ClusterRegistry.Rendering.Synthesizer));",
        ["ClusterRegistry.Pulumi"] = "Show(typeof(ClusterRegistry.Pulumi.PulumiProgramEmitter));",
        ["ClusterRegistry.Probe"] = "Show(typeof(ClusterRegistry.Probe.Running.ProbeRunner));",
        ["ClusterRegistry.Doctor"] = "Show(typeof(ClusterRegistry.Doctor.NodeDoctor));",
        ["ClusterRegistry.Cli"] = "Show(typeof(ClusterRegistry.Cli.CliApp)); return await ClusterRegistry.Cli.CliApp.RunAsync([\"help\"], new ClusterRegistry.StackCatalog());",
        ["ClusterRegistry.Probe.Kubernetes"] = "Show(typeof(ClusterRegistry.Probe.Kubernetes.KubernetesPuller));",
        ["ClusterRegistry.Probe.Reports"] = "Show(typeof(ClusterRegistry.Probe.Reports.LatencyReport));",
        // Compiled against the rule library privately: the rules must come, at run time, from the ClusterRegistry package.
        ["ClusterRegistry.Repository"] = """
            Show(typeof(ClusterRegistry.Repository.RepositoryScanner));
            var repo = Directory.CreateTempSubdirectory("consumer-repo");
            File.WriteAllText(Path.Combine(repo.FullName, "talconfig.yaml"), "clusterName: c\ntalosVersion: v1.11.0\nnodes:\n  - hostname: n1\n    ipAddress: 192.168.1.10\n    controlPlane: true\n");
            var scan = ClusterRegistry.Repository.RepositoryScanner.Scan(repo.FullName);
            Console.WriteLine($"files read: {scan.FilesRead}, findings: {scan.Check().Count}, imported as {ClusterRegistry.Repository.Import.StackImporter.Import(scan).ClassName}");
            repo.Delete(true);
            """,
    };

    [Fact]
    public void Every_package_carries_description_readme_licence_project_url_and_tags()
    {
        Assert.NotEmpty(feed.Packages);
        var problems = new List<string>();
        foreach (var p in feed.Packages)
        {
            foreach (var field in new[] { "description", "projectUrl", "tags", "readme" })
            {
                if (string.IsNullOrWhiteSpace(p.Get(field)))
                {
                    problems.Add($"{p.Id}: no <{field}>");
                }
            }

            if (PackedPackage.Child(p.Metadata, "license") is not { } licence || (string?)licence.Attribute("type") != "expression" || string.IsNullOrWhiteSpace(licence.Value))
            {
                problems.Add($"{p.Id}: no licence expression");
            }

            if (p.Get("readme") is { } readme && !p.Entries.Contains(readme))
            {
                problems.Add($"{p.Id}: readme '{readme}' is not in the package");
            }

            if (p.Get("description") is { } d && d.Trim() == "Package Description")
            {
                problems.Add($"{p.Id}: the SDK's placeholder description");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void No_package_depends_on_an_id_the_feed_does_not_hold()
    {
        var ours = feed.Packages.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = feed.Packages
            .SelectMany(p => p.DependencyIds.Where(d => d.StartsWith("ClusterRegistry", StringComparison.OrdinalIgnoreCase) && !ours.Contains(d)).Select(d => $"{p.Id} -> {d}"))
            .ToArray();
        Assert.True(missing.Length == 0, "dependencies on ids this repository does not pack: " + string.Join(", ", missing));
        Assert.DoesNotContain("ClusterRegistry.Rules", ours);
    }

    [Fact]
    public async Task Every_library_package_restores_builds_and_runs_in_an_empty_project_from_the_local_feed_alone()
    {
        var libraries = feed.Packages.Where(p => p.IsLibrary).ToArray();
        var unknown = libraries.Where(p => !ConsumerCode.ContainsKey(p.Id)).Select(p => p.Id).ToArray();
        Assert.True(unknown.Length == 0, "packages without a consumer in this test: " + string.Join(", ", unknown));

        var dir = feed.NewFolder("consumers");
        feed.WriteConsumerSettings(dir);
        var env = LocalFeed.ConsumerEnvironment(Path.Combine(dir, ".packages"));
        var solution = new List<string>();
        foreach (var package in libraries)
        {
            var name = "Use." + package.Id;
            Directory.CreateDirectory(Path.Combine(dir, name));
            File.WriteAllText(Path.Combine(dir, name, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{package.Id}" Version="{feed.Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, name, "Program.cs"), $$"""
                {{ConsumerCode[package.Id]}}
                return 0;

                static void Show(Type t) => Console.WriteLine($"loaded {t.FullName} from {t.Assembly.GetName().Name}");
                """);
            solution.Add($"  <Project Path=\"{name}/{name}.csproj\" />");
        }

        File.WriteAllText(Path.Combine(dir, "Consumers.slnx"), "<Solution>\n" + string.Join("\n", solution) + "\n</Solution>\n");
        var build = await Dotnet.RunAsync(dir, ["build", "Consumers.slnx", "-c", "Release", "-nologo", "-v:q", "-clp:NoSummary"], TimeSpan.FromMinutes(15), env);
        Assert.True(build.ExitCode == 0, "restore/build of the consumers failed:\n" + build.StandardOutput + build.StandardError);

        foreach (var package in libraries)
        {
            var name = "Use." + package.Id;
            var run = await Dotnet.RunAsync(dir, [Path.Combine(dir, name, "bin", "Release", "net10.0", name + ".dll")], TimeSpan.FromMinutes(2), env);
            output.WriteLine($"{package.Id}: exit {run.ExitCode}\n{run.StandardOutput}{run.StandardError}");
            Assert.True(run.ExitCode == 0, $"{package.Id}: the consumer exited {run.ExitCode}: {run.StandardOutput}{run.StandardError}");
            Assert.Contains("loaded ", run.StandardOutput);
            if (package.Id == "ClusterRegistry.Repository")
            {
                // The scanner read the repository and the rules (from the ClusterRegistry package) ran on it.
                Assert.Matches(@"files read: [1-9]\d*, findings: \d+, imported as \w+", run.StandardOutput);
            }
        }

        // Every ClusterRegistry package in the private cache is this run's version, from this run's feed.
        var restored = Directory.GetDirectories(Path.Combine(dir, ".packages")).Select(Path.GetFileName).Where(n => n!.StartsWith("clusterregistry", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(restored);
        foreach (var id in restored)
        {
            Assert.Equal([feed.Version], Directory.GetDirectories(Path.Combine(dir, ".packages", id!)).Select(Path.GetFileName));
        }
    }

    [Fact]
    public async Task The_tool_package_installs_from_the_local_feed_and_runs()
    {
        var tool = Assert.Single(feed.Packages, p => p.IsTool);
        var dir = feed.NewFolder("tool");
        feed.WriteConsumerSettings(dir);
        var env = LocalFeed.ConsumerEnvironment(Path.Combine(dir, ".packages"));
        var install = await Dotnet.RunAsync(dir, ["tool", "install", tool.Id, "--version", feed.Version, "--tool-path", Path.Combine(dir, "bin"), "--configfile", Path.Combine(dir, "nuget.config")], TimeSpan.FromMinutes(10), env);
        Assert.True(install.ExitCode == 0, install.StandardOutput + install.StandardError);
        var help = await Dotnet.RunCommandAsync(Path.Combine(dir, "bin", "clusterregistry"), dir, ["help"], TimeSpan.FromMinutes(2), env);
        Assert.True(help.ExitCode == 0, help.StandardOutput + help.StandardError);
        Assert.Contains("probe", help.StandardOutput);
        Assert.Contains("doctor", help.StandardOutput);
    }
}
