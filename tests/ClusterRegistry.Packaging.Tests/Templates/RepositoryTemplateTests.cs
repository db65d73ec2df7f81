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
        Assert.Contains("stack: ['lab', 'prod']", workflow);
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
        var compiler = Path.Combine(repo, "artifacts", "compiler", "Homelab");
        var compiled = await Ok(repo, compilerEnv, compiler, "compile");
        Assert.Contains("192.168.20.105", compiled);
        Assert.Contains("--budget 2000ms", compiled);

        // Never stale: a stack edited after the compiler was built makes both the compiler and the build output refuse,
        // each with one line that says "stale", names the file and this project's own build step (the packed
        // ClusterRegistry.Cli targets stamp the inputs into the program; nothing of this repository's layout).
        var prodFile = Path.Combine(repo, "Stacks", "ProdStack.cs");
        var prod = File.ReadAllText(prodFile);
        File.WriteAllText(prodFile, prod.Replace("AddProbe(TimeSpan.FromSeconds(2));", "AddProbe(TimeSpan.FromSeconds(3));", StringComparison.Ordinal));
        Assert.NotEqual(prod, File.ReadAllText(prodFile));
        var staleCompiler = await Run(repo, compilerEnv, compiler, "compile");
        AssertStale(staleCompiler, "dotnet build -t:PulumiCompiler");
        var staleBuild = await Run(repo, env, "dotnet", dll, "compile", "--stack", "prod");
        AssertStale(staleBuild, "dotnet build Homelab.csproj -c Release");

        // The build steps the lines name, then both run again, on the edited stack.
        await Ok(repo, env, "dotnet", "build", "-t:PulumiCompiler", "-p:PulumiCompilerReadyToRun=false", "-nologo", "-v:q");
        Assert.Contains("--budget 3000ms", await Ok(repo, compilerEnv, compiler, "compile"));
        await Ok(repo, env, "dotnet", "build", "Homelab.csproj", "-c", "Release", "-nologo", "-v:q");
        Assert.Contains("--budget 3000ms", await Ok(repo, env, "dotnet", dll, "compile", "--stack", "prod"));

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

    [Fact]
    public async Task Environments_take_any_dns_label_names_one_stack_and_pulumi_file_each_and_a_bad_name_stops_the_build_naming_it()
    {
        var template = Assert.Single(feed.Packages, p => p.IsTemplate);
        var work = feed.NewFolder("environments");
        var hive = Path.Combine(work, "hive");
        var env = LocalFeed.ConsumerEnvironment(Path.Combine(work, ".packages"));
        env["HARBOR_ADMIN_PASSWORD"] = null;
        await Ok(work, env, "dotnet", "new", "install", $"{template.Id}::{feed.Version}", "--add-source", feed.Folder, "--debug:custom-hive", hive);

        var repo = Path.Combine(work, "Regions");
        await Ok(work, env, "dotnet", "new", "clusterregistry", "-n", "Regions", "-o", repo, "--environments", "eu-west, homelab", "--debug:custom-hive", hive);
        Assert.Equal(["ClusterStack.cs", "EuWestStack.cs", "HomelabStack.cs"], Names(Path.Combine(repo, "Stacks"), "*.cs"));
        Assert.Equal(["Pulumi.eu-west.yaml", "Pulumi.homelab.yaml", "Pulumi.yaml"], Names(repo, "Pulumi.*"));
        var program = File.ReadAllText(Path.Combine(repo, "Program.cs"));
        Assert.Contains(".Add(\"eu-west\", () => new EuWestStack())", program);
        Assert.Contains(".Add(\"homelab\", () => new HomelabStack())", program);
        Assert.DoesNotContain("#error", program);
        Assert.Contains("public sealed class EuWestStack : ClusterStack", File.ReadAllText(Path.Combine(repo, "Stacks", "EuWestStack.cs")));
        var euWest = File.ReadAllText(Path.Combine(repo, "Pulumi.eu-west.yaml"));
        Assert.Contains("--stack eu-west ", euWest);
        Assert.Contains("Regions:talosconfig: talos/eu-west/talosconfig", euWest);
        Assert.Contains("stack: ['eu-west', 'homelab']", File.ReadAllText(Path.Combine(repo, ".github", "workflows", "clusterregistry.yml")));
        Assert.Contains("--stack eu-west ", File.ReadAllText(Path.Combine(repo, "README.md")));
        foreach (var file in Directory.GetFiles(repo, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("ENVIRONMENT", File.ReadAllText(file)); // no placeholder of the template left
        }

        feed.WriteConsumerSettings(repo);
        await Ok(repo, env, "dotnet", "build", "-c", "Release", "-nologo", "-v:q");
        var dll = Path.Combine(repo, "bin", "Release", "net10.0", "Regions.dll");
        await Ok(repo, env, "dotnet", dll, "check", "--stack", "eu-west");
        Assert.Contains("192.168.20.105", await Ok(repo, env, "dotnet", dll, "compile", "--stack", "homelab"));
        var unknown = await Run(repo, env, "dotnet", dll, "compile", "--stack", "lab");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("known stacks: eu-west, homelab", unknown.StandardError);

        // Bad lists: the template engine cannot refuse, so `dotnet new` warns and the project's build stops at an #error
        // naming the value (built once; the other lists show the line they get). No file is written for a bad name.
        (string List, string Error)[] bad =
        [
            ("EU_West,lab", "#error --environments \"EU_West,lab\": not an environment name: EU_West ("),
            ("lab,,prod", "#error --environments \"lab,,prod\": not an environment name: (empty) ("),
            ("../etc,lab", "#error --environments \"../etc,lab\": not an environment name: ../etc ("),
            ("lab,prod,lab", "#error --environments \"lab,prod,lab\": an environment is named twice"),
            ("a,b,c,d,e,f,g,h,i", "#error --environments \"a,b,c,d,e,f,g,h,i\": more than 8 environments"),
        ];
        for (var i = 0; i < bad.Length; i++)
        {
            var badRepo = Path.Combine(work, "bad" + i, "Bad");
            var created = await Ok(work, env, "dotnet", "new", "clusterregistry", "-n", "Bad", "-o", badRepo, "--environments", bad[i].List, "--debug:custom-hive", hive);
            Assert.Contains("--environments was not valid", created);
            Assert.Contains(bad[i].Error, File.ReadAllText(Path.Combine(badRepo, "Program.cs")));
            Assert.All(Names(Path.Combine(badRepo, "Stacks"), "*.cs"), n => Assert.Matches("^[A-Z][A-Za-z0-9]*Stack\\.cs$", n));
            Assert.All(Names(badRepo, "Pulumi.*"), n => Assert.Matches("^Pulumi\\.(?:[a-z][a-z0-9-]*\\.)?yaml$", n));
            Assert.Empty(Directory.GetFiles(Path.Combine(work, "bad" + i), "*", SearchOption.TopDirectoryOnly));
            if (i == 0)
            {
                feed.WriteConsumerSettings(badRepo);
                var build = await Run(badRepo, env, "dotnet", "build", "-c", "Release", "-nologo", "-v:q");
                Assert.NotEqual(0, build.ExitCode);
                Assert.Contains("error CS1029: #error: '--environments \"EU_West,lab\": not an environment name: EU_West (", build.StandardOutput);
            }
        }
    }

    private static string[] Names(string dir, string pattern) =>
        Directory.GetFiles(dir, pattern).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();

    private static void AssertStale(Testing.Processes.ExternalProcess.Outcome run, string buildCommand)
    {
        var message = run.StandardError.Trim();
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.StandardOutput}{run.StandardError}");
        Assert.Equal("", run.StandardOutput);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("stale", message);
        Assert.Contains("Stacks/ProdStack.cs changed", message);
        Assert.EndsWith("rebuild it: " + buildCommand, message);
        Assert.DoesNotContain("build-compiler.sh", message);
        Assert.DoesNotContain("stacks/", message);
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
