using System.Text.Json;
using ClusterRegistry.Packaging.Tests.Feed;
using Xunit.Abstractions;

namespace ClusterRegistry.Packaging.Tests.Templates;

/// <summary>
/// <c>dotnet new install ClusterRegistry.Templates</c> from the local feed, <c>dotnet new clusterregistry</c> in an empty
/// folder outside this repository, then what its README promises: build, synth, check, compile, the Pulumi compiler
/// build, and after <c>git init</c>, a commit and an edit, <c>diff --base HEAD</c>.
/// </summary>
[Collection(FeedCollection.Name)]
public sealed class RepositoryTemplateTests(LocalFeed feed, ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task A_new_repository_builds_synthesizes_checks_compiles_and_diffs_against_its_own_HEAD()
    {
        var template = Assert.Single(feed.Packages, p => p.IsTemplate);
        Assert.Equal("ClusterRegistry.Templates", template.Id);
        var work = feed.NewFolder("template");
        var hive = Path.Combine(work, "hive");
        var repo = Path.Combine(work, "Homelab");
        var env = LocalFeed.ConsumerEnvironment(Path.Combine(work, ".packages"));
        env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = "test";
        env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = "test@example.invalid";
        env["HARBOR_ADMIN_PASSWORD"] = null;

        await Ok(work, env, "dotnet", "new", "install", $"{template.Id}::{feed.Version}", "--add-source", feed.Folder, "--debug:custom-hive", hive);
        await Ok(work, env, "dotnet", "new", "clusterregistry", "-n", "Homelab", "-o", repo, "--environments", "lab,prod", "--debug:custom-hive", hive);

        // One stack per environment asked for, nothing else; names follow the project name.
        Assert.True(File.Exists(Path.Combine(repo, "Stacks", "LabStack.cs")));
        Assert.True(File.Exists(Path.Combine(repo, "Stacks", "ProdStack.cs")));
        Assert.False(File.Exists(Path.Combine(repo, "Stacks", "DevStack.cs")));
        Assert.False(File.Exists(Path.Combine(repo, "Pulumi.staging.yaml")));
        foreach (var f in new[] { "Homelab.csproj", "Program.cs", "Pulumi.yaml", "Pulumi.lab.yaml", "Pulumi.prod.yaml", "PulumiCompiler.targets", ".editorconfig", ".gitignore", "README.md", ".github/workflows/clusterregistry.yml" })
        {
            Assert.True(File.Exists(Path.Combine(repo, f)), f + " missing");
        }

        var pulumiYaml = File.ReadAllText(Path.Combine(repo, "Pulumi.yaml"));
        Assert.Contains("name: Homelab", pulumiYaml);
        Assert.Contains("compiler: ./artifacts/compiler/Homelab compile", pulumiYaml);
        Assert.Contains("Homelab:stacksCommand: ./artifacts/compiler/Homelab", File.ReadAllText(Path.Combine(repo, "Pulumi.prod.yaml")));
        Assert.Contains($"<ClusterRegistryVersion>{feed.Version}</ClusterRegistryVersion>", File.ReadAllText(Path.Combine(repo, "Homelab.csproj")));
        Assert.Contains("dotnet_diagnostic.CRG102.severity = error", File.ReadAllText(Path.Combine(repo, ".editorconfig")));
        var workflow = File.ReadAllText(Path.Combine(repo, ".github/workflows/clusterregistry.yml"));
        Assert.Contains("- lab", workflow);
        Assert.Contains("- prod", workflow);
        Assert.DoesNotContain("- staging", workflow);
        Assert.DoesNotContain("#if", workflow);
        Assert.DoesNotContain("//#if", File.ReadAllText(Path.Combine(repo, "Program.cs")));
        Assert.DoesNotContain("FIRST_ENVIRONMENT", File.ReadAllText(Path.Combine(repo, "README.md")));

        // Only the packages of this run: the feed for ClusterRegistry*, nuget.org for the rest.
        feed.WriteConsumerSettings(repo);
        var build = await Ok(repo, env, "dotnet", "build", "-c", "Release", "-nologo", "-v:q");
        Assert.DoesNotContain("error CRG", build);
        var dll = Path.Combine(repo, "bin", "Release", "net10.0", "Homelab.dll");

        var synth = await Ok(repo, env, "dotnet", dll, "synth", "--stack", "lab", "--target", "all", "--out", "out/lab");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(repo, "out", "lab"), "*", SearchOption.AllDirectories));
        await Ok(repo, env, "dotnet", dll, "check", "--stack", "prod");
        var compile = await Ok(repo, env, "dotnet", dll, "compile", "--stack", "lab");
        using (var program = JsonDocument.Parse(compile))
        {
            Assert.True(program.RootElement.GetProperty("resources").EnumerateObject().Any());
            // The probe runs the compiler Pulumi.yaml names, whatever this project is called.
            Assert.Contains("./artifacts/compiler/Homelab", compile);
        }

        // Before the compiler is built, `preview` names this repository's build step (a stand-in pulumi on PATH: the real
        // CLI cannot be installed here; it only records that it ran).
        var fakeBin = Path.Combine(work, "fake-pulumi");
        Directory.CreateDirectory(fakeBin);
        File.WriteAllText(Path.Combine(fakeBin, "pulumi"), "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(Path.Combine(fakeBin, "pulumi"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var withPulumi = new Dictionary<string, string?>(env) { ["PATH"] = fakeBin + ":" + Environment.GetEnvironmentVariable("PATH") };
        var preview = await Run(repo, withPulumi, "dotnet", dll, "preview", "--stack", "lab");
        Assert.Contains("does not exist; build it first:\n  dotnet build -t:PulumiCompiler", preview.StandardError.Replace("\r", ""));
        Assert.DoesNotContain("build-compiler.sh", preview.StandardError);

        // The compiler build named in Pulumi.yaml, then the compiler as Pulumi runs it (PULUMI_STACK, project folder).
        await Ok(repo, env, "dotnet", "build", "-t:PulumiCompiler", "-p:PulumiCompilerReadyToRun=false", "-nologo", "-v:q");
        var compilerEnv = new Dictionary<string, string?>(env) { ["PULUMI_STACK"] = "prod" };
        var compiled = await Ok(repo, compilerEnv, Path.Combine(repo, "artifacts", "compiler", "Homelab"), "compile");
        Assert.Contains("192.168.30.105", compiled);

        // git init, commit, edit: the lab environment loses its probe (CRG403 on a private registry without a probe).
        await Ok(repo, env, "git", "init", "-q", "-b", "main");
        await Ok(repo, env, "git", "add", "-A");
        await Ok(repo, env, "git", "commit", "-q", "-m", "new repository");
        var labFile = Path.Combine(repo, "Stacks", "LabStack.cs");
        var lab = File.ReadAllText(labFile);
        Assert.Contains("AddProbe(", lab);
        File.WriteAllText(labFile, string.Join('\n', lab.Split('\n').Where(l => !l.Contains("AddProbe(", StringComparison.Ordinal))));
        await Ok(repo, env, "dotnet", "build", "-c", "Release", "-nologo", "-v:q");

        var diff = await Run(repo, env, "dotnet", dll, "diff", "--stack", "lab", "--base", "HEAD", "--format", "markdown");
        output.WriteLine(diff.StandardOutput + diff.StandardError);
        Assert.True(diff.ExitCode == 0, diff.StandardOutput + diff.StandardError);
        Assert.Contains("building its stacks program (Homelab.csproj)", diff.StandardError);
        Assert.Contains("pull-latency", diff.StandardOutput);
        Assert.Contains("CRG403", diff.StandardOutput);

        // SARIF locations relative to the repository root, not this machine's path.
        await Ok(repo, env, "dotnet", dll, "check", "--stack", "lab", "--format", "sarif", "--out", "check.sarif");
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(repo, "check.sarif")));
        var uris = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .SelectMany(r => r.GetProperty("locations").EnumerateArray())
            .Where(l => l.TryGetProperty("physicalLocation", out _))
            .Select(l => l.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
            .ToArray();
        Assert.NotEmpty(uris);
        Assert.All(uris, u => Assert.StartsWith("Stacks/", u));
    }

    private async Task<string> Ok(string dir, IDictionary<string, string?> env, string file, params string[] args)
    {
        var r = await Run(dir, env, file, args);
        Assert.True(r.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {r.ExitCode}:\n{r.StandardOutput}\n{r.StandardError}");
        return r.StandardOutput;
    }

    private async Task<Testing.Processes.ExternalProcess.Outcome> Run(string dir, IDictionary<string, string?> env, string file, params string[] args)
    {
        var r = await Dotnet.RunCommandAsync(file, dir, args, Long, env);
        output.WriteLine($"$ {file} {string.Join(' ', args)} -> {r.ExitCode}");
        return r;
    }
}
