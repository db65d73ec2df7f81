using System.Text.Json.Nodes;
using ClusterRegistry.Pulumi.Cli;

namespace ClusterRegistry.Pulumi.Diff;

/// <summary>Where diff snapshots come from: the working tree's stack, a folder of synthesized output, or a git ref.</summary>
public static class SnapshotSources
{
    public static ProgramSnapshot FromStack(Stack stack, IFindingSource findings, PulumiProgramEmitter? emitter = null) =>
        new(stack.Name, (emitter ?? new PulumiProgramEmitter()).Emit(stack).ToJsonObject(), findings.Evaluate(stack), "working tree");

    /// <summary>
    /// A folder written by <c>compile --out DIR/</c> (<c>&lt;stack&gt;.json</c>, optionally <c>&lt;stack&gt;.findings.json</c>),
    /// or a program file itself. Throws <see cref="FileNotFoundException"/> naming what it looked for.
    /// </summary>
    public static ProgramSnapshot FromDirectory(string path, string stack)
    {
        var file = File.Exists(path) ? path : Path.Combine(path, stack + ".json");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no synthesized program for stack '{stack}' at {file} (write one with `compile --stack {stack} --out DIR/`)", file);
        }

        var findingsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, stack + ".findings.json");
        var findings = File.Exists(findingsFile) ? FindingsFile.Read(File.ReadAllText(findingsFile)) : null;
        var program = JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                      ?? throw new InvalidDataException($"{file} is not a JSON object (a Pulumi program)");
        return new ProgramSnapshot(stack, program, findings, path);
    }

    /// <summary>
    /// Checks out <paramref name="gitRef"/> into a temporary worktree, builds its stacks program and runs its compiler
    /// for <paramref name="stack"/>. Needs git and the .NET SDK; the ref must contain a stacks program with the
    /// <c>compile</c> verb (refs before it cannot be compared this way: synthesize a folder instead). Which project that is
    /// comes from <see cref="StacksProjectLocator"/>: <paramref name="project"/> (relative to the repository root), else
    /// the project of <paramref name="programName"/>, else the only stacks program in the tree.
    /// </summary>
    public static ProgramSnapshot FromGitRef(string repoRoot, string gitRef, string stack, TextWriter log, string? project = null, string? programName = null)
    {
        var verify = ProcessRunner.Run("git", new[] { "-C", repoRoot, "rev-parse", "--verify", "--quiet", gitRef + "^{commit}" });
        if (verify.ExitCode != 0)
        {
            throw new ArgumentException($"'{gitRef}' is neither a folder nor a commit in {repoRoot}");
        }

        var commit = verify.StdOut.Trim();
        var temp = Directory.CreateTempSubdirectory("clusterregistry-diff-").FullName;
        var tree = Path.Combine(temp, "tree");
        var snapshots = Path.Combine(temp, "out");
        try
        {
            log.WriteLine($"diff: checking out {gitRef} ({commit[..12]}) into a temporary worktree");
            Check(ProcessRunner.Run("git", new[] { "-C", repoRoot, "worktree", "add", "--detach", "--quiet", tree, commit }), "git worktree add");
            var csproj = StacksProjectLocator.Locate(tree, project, programName);
            var bin = Path.Combine(temp, "bin");
            log.WriteLine($"diff: building its stacks program ({csproj})");
            Check(ProcessRunner.Run("dotnet", new[] { "build", Path.Combine(tree, csproj), "-c", "Release", "-o", bin, "-nologo", "-v", "quiet" },
                tree, timeout: TimeSpan.FromMinutes(15)), $"dotnet build of the base's {csproj}");
            var dll = Path.Combine(bin, StacksProjectLocator.AssemblyNameOf(tree, csproj) + ".dll");
            var env = new Dictionary<string, string?> { ["PULUMI_STACK"] = null };
            var withFindings = ProcessRunner.Run("dotnet", new[] { dll, "compile", "--stack", stack, "--out", snapshots + "/" }, tree, env);
            // Exit 1: the base's compiler gate refused its error findings, but it wrote the snapshot, which is all a diff needs.
            if (withFindings.ExitCode == 0 || (withFindings.ExitCode == 1 && File.Exists(Path.Combine(snapshots, stack + ".json"))))
            {
                return Relabel(FromDirectory(snapshots, stack), $"{gitRef} ({commit[..12]})");
            }

            // An older compile verb without --out: take the program from stdout.
            var plain = ProcessRunner.Run("dotnet", new[] { dll, "compile", "--stack", stack }, tree, env);
            Check(plain, $"the base's `compile --stack {stack}`");
            var program = JsonNode.Parse(plain.StdOut)!.AsObject();
            return new ProgramSnapshot(stack, program, null, $"{gitRef} ({commit[..12]})");
        }
        finally
        {
            ProcessRunner.Run("git", new[] { "-C", repoRoot, "worktree", "remove", "--force", tree });
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static ProgramSnapshot Relabel(ProgramSnapshot s, string origin) =>
        new(s.Stack, new JsonObject { ["resources"] = s.Resources.DeepClone() }, s.Findings, origin);

    private static void Check(ProcessRunner.Result r, string what)
    {
        if (r.ExitCode != 0)
        {
            var detail = (r.StdErr.Length > 0 ? r.StdErr : r.StdOut).Trim();
            throw new InvalidOperationException($"{what} failed (exit {r.ExitCode}): {(detail.Length > 2000 ? detail[^2000..] : detail)}");
        }
    }
}
