using ClusterRegistry.Cli.Gate;
using ClusterRegistry.Cli.Staleness;
using ClusterRegistry.Pulumi;
using ClusterRegistry.Pulumi.Cli;
using ClusterRegistry.Pulumi.Diff;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>compile</c>: prints the Pulumi YAML program (JSON) for <c>PULUMI_STACK</c> (or <c>--stack</c>). This is the
/// <c>runtime.options.compiler</c> command of the root Pulumi.yaml. Without a stack it prints a program needing the same
/// packages (Pulumi calls the compiler that way to list plugins) and exits 0.
/// Two refusals keep an unreviewed program from Pulumi: a program built from other sources than those on disk exits 2
/// with one "stale" line naming the build command (<see cref="StalenessCheck"/>), and a stack with an error-severity
/// finding on its real values exits 1 with the findings on stderr (<see cref="DeploymentGate"/>; severities from the
/// .editorconfig/.globalconfig under <c>--config-root</c>, default the current directory, where Pulumi runs it).
/// Nothing is printed on stdout in either case.
/// </summary>
public sealed class CompileVerb : IVerb
{
    public string Name => "compile";

    public string Summary => "print the Pulumi program (JSON) for PULUMI_STACK / --stack; the Pulumi.yaml compiler; refuses stale builds and error findings [--out FILE|DIR/] [--config-root DIR]";

    public Task<int> RunAsync(VerbContext context)
    {
        var cl = new CommandLine(context.Args);
        cl.AllowOnly("stack", "out", "config-root");
        if (cl.Get("out") is { } outArgument)
        {
            OutFileOption.Check("out", outArgument, folderAllowed: true);
        }

        var configRoot = cl.Get("config-root") ?? Directory.GetCurrentDirectory();
        if (!Directory.Exists(configRoot))
        {
            throw new UsageException($"--config-root '{configRoot}' is not a directory");
        }

        if (StalenessCheck.ForRunningProgram(Directory.GetCurrentDirectory()) is { IsCurrent: false } stale)
        {
            context.Error.WriteLine(stale.Message);
            return Task.FromResult(ExitCodes.BadInput);
        }

        // The probe's command defaults to the compiler this project's Pulumi.yaml names (Pulumi runs the compiler in that folder).
        var emitter = new PulumiProgramEmitter(options: ClusterRegistry.Pulumi.Program.ProgramOptions.ForProject(Directory.GetCurrentDirectory()));
        var name = StackNames.Selected(cl.Get("stack"));
        string json;
        var exit = ExitCodes.Ok;
        Stack? stack = null;
        if (name is null)
        {
            json = emitter.EmitPackageListing(context.Catalog.Names.Select(context.Catalog.Build)).ToJson();
        }
        else
        {
            if (!context.Catalog.Contains(name))
            {
                context.Error.WriteLine($"error: unknown stack '{name}'; known stacks: {string.Join(", ", context.Catalog.Names)}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            stack = context.Catalog.Build(name);
            if (DeploymentGate.Run(stack, configRoot, context.Error, Name).Errors > 0)
            {
                exit = ExitCodes.Findings;
            }

            json = emitter.Emit(stack).ToJson();
        }

        if (cl.Get("out") is { } outPath)
        {
            // A snapshot for `diff --base DIR`, written even when the gate refuses (a base with errors must still be
            // comparable); the exit code says the program is not deployable.
            var file = outPath.EndsWith('/') || Directory.Exists(outPath)
                ? Path.Combine(outPath, (name ?? "packages") + ".json")
                : outPath;
            OutFileOption.Write("out", file, json);
            context.Error.WriteLine($"wrote {file}");
            if (stack is not null && FindingSources.Default is not NoFindings)
            {
                // Beside the program, so `diff --base DIR` can report findings introduced and fixed.
                var findingsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, name + ".findings.json");
                OutFileOption.Write("out", findingsFile, FindingsFile.Write(FindingSources.Default.Evaluate(stack)));
            }
        }
        else if (exit == ExitCodes.Ok)
        {
            context.Out.Write(json);
        }

        return Task.FromResult(exit);
    }
}
