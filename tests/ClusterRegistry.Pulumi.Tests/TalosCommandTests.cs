using System.Diagnostics;
using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Emitters;
using ClusterRegistry.Pulumi.Tests.Validation;
using ClusterRegistry.Talos;
using ClusterRegistry.Testing;
using Stacks;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>
/// The per-node <c>talosctl patch machineconfig</c> command run the way pulumi-command runs it: <c>/bin/sh -c create</c>
/// with the resource's <c>environment</c> and <c>stdin</c>, the references resolved as the engine would once the robot
/// exists. <c>talosctl</c> is a stand-in on PATH (a test double: there is no Talos node to patch here, and the real
/// binary needs one) that records its argv and reads <c>@file</c> patches exactly as talosctl does (the file named after
/// <c>@</c>). So the quoting, the escaping of <c>$</c>, and where the secret travels are checked for real.
/// </summary>
public sealed class TalosCommandTests
{
    private const string RobotSecret = "Robot-Secret-9b2c-never-in-argv";

    private static (string[] Argv, string Patch, string Env) RunNodeCommand(JsonNode properties, TempDir dir)
    {
        var bin = Directory.CreateDirectory(dir.Combine("bin")).FullName;
        var script = Path.Combine(bin, "talosctl");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            : > '{{dir.Combine("argv")}}'
            for a in "$@"; do
              printf '%s\n' "$a" >> '{{dir.Combine("argv")}}'
              case "$a" in @*) cat "${a#@}" > '{{dir.Combine("patch")}}' ;; esac
            done
            env > '{{dir.Combine("env")}}'
            echo "patched MachineConfigs.config.talos.dev/v1alpha1 at the node $TALOS_NODE"
            """.Replace("\r\n", "\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["talosconfig"] = "talos/clusterconfig/talosconfig",
            ["robot-cluster-pull.fullName"] = "robot$cluster-pull",
            ["robot-cluster-pull.secret"] = RobotSecret,
        };
        var psi = new ProcessStartInfo("/bin/sh") // pulumi-command's default interpreter: ["/bin/sh", "-c"]
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir.Path,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(EngineStandIn.Resolve((string)properties["create"]!, values));
        psi.Environment["PATH"] = bin + ":/usr/bin:/bin";
        foreach (var (k, v) in properties["environment"]!.AsObject())
        {
            psi.Environment[k] = EngineStandIn.Resolve((string)v!, values);
        }

        using var p = Process.Start(psi)!;
        p.StandardInput.Write((string)EngineStandIn.Resolve(properties["stdin"], values)!);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(30_000), "the command did not finish");
        Assert.True(p.ExitCode == 0, stderr.Result);
        Assert.Contains("patched MachineConfigs", stdout.Result, StringComparison.Ordinal);
        return (File.ReadAllLines(dir.Combine("argv")), File.ReadAllText(dir.Combine("patch")), File.ReadAllText(dir.Combine("env")));
    }

    [Fact]
    public void Talosctl_gets_node_and_talosconfig_as_arguments_and_the_patch_with_the_robot_secret_on_stdin_only()
    {
        using var dir = new TempDir("talos-command");
        var resource = new PulumiProgramEmitter().Emit(StackDirectory.Catalog.Build("homelab")).Find("talos-machine-network-192-168-1-99")!;
        var (argv, patch, env) = RunNodeCommand(resource.Properties, dir);

        Assert.Equal(new[]
        {
            "--talosconfig", "talos/clusterconfig/talosconfig", "--nodes", "192.168.1.99", "patch", "machineconfig", "--mode", "auto", "--patch", "@/dev/stdin",
        }, argv);
        var doc = JsonNode.Parse(patch)!;
        var auth = doc["machine"]!["registries"]!["config"]!["harbor.harbor.svc.cluster.local"]!["auth"]!;
        Assert.Equal(RobotSecret, (string)auth["password"]!);
        Assert.Equal("robot$cluster-pull", (string)auth["username"]!); // the $ survived Pulumi's escaping and the shell
        Assert.Equal("10.43.216.243", (string)doc["machine"]!["network"]!["extraHostEntries"]![0]!["ip"]!);
        // The secret is in no argument and no environment variable of talosctl (argv and environ are readable in /proc).
        Assert.DoesNotContain(RobotSecret, string.Join("\n", argv), StringComparison.Ordinal);
        Assert.DoesNotContain(RobotSecret, env, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_document_patch_reaches_talosctl_as_one_yaml_stream_of_the_rendered_documents()
    {
        var stack = StackDirectory.Catalog.Build("homelab");
        var talos = stack.ResourcesOf<TalosMachinePatch>().Single();
        talos.Args.TalosVersion = "v1.13";
        var expected = new Sources.RenderedManifestSource().TalosPatchDocuments(talos);
        Assert.True(expected.Count > 1, "Talos 1.13 registry config is multi-document");

        var program = new PulumiProgramEmitter().Emit(stack);
        Assert.Empty(ProgramValidator.Validate(program.ToJsonObject()));
        using var dir = new TempDir("talos-command-multidoc");
        var (_, patch, _) = RunNodeCommand(program.Find("talos-machine-network-192-168-1-98")!.Properties, dir);

        var docs = YamlDocuments.Parse(patch);
        Assert.Equal(expected.Count, docs.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            Assert.Equal((string?)expected[i]["kind"], (string?)docs[i]["kind"]);
        }

        Assert.Contains(RobotSecret, patch, StringComparison.Ordinal);
        Assert.Contains(TalosEmitter.DocumentSeparator, patch, StringComparison.Ordinal);
    }
}
