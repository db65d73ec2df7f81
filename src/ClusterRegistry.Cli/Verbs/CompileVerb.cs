using System.CommandLine;
using ClusterRegistry.Cli.Gate;
using ClusterRegistry.Cli.Parsing;
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

    public Command CreateCommand(VerbContext context)
    {
        var stackOption = CliOptions.Stack(context.Catalog, "the stack to compile (default: $PULUMI_STACK; neither: the package listing Pulumi asks for)");
        var output = CliOptions.OutFile("write the program to FILE, or to DIR/STACK.json (with STACK.findings.json beside it), instead of stdout", folderAllowed: true);
        var configRoot = CliOptions.ExistingDirectory("--config-root", "where .editorconfig/.globalconfig severities are looked up from (default: the current directory)");
        var command = new VerbCommand(Name, Summary,
            ok: "the program is printed (or written)",
            findings: "an error-severity finding on the stack's real values; nothing on stdout",
            badInput: "bad input, an unknown stack, or a program built from other sources than those on disk (stale); nothing on stdout")
        {
            stackOption, output, configRoot,
        };
        command.SetAction(result => Run(context, result.GetValue(stackOption), result.GetValue(output), result.GetValue(configRoot) ?? Directory.GetCurrentDirectory()));
        return command;
    }

    private int Run(VerbContext context, string? stackOption, string? outArgument, string configRoot)
    {
        if (StalenessCheck.ForRunningProgram(Directory.GetCurrentDirectory()) is { IsCurrent: false } stale)
        {
            context.Error.WriteLine(stale.Message);
            return ExitCodes.BadInput;
        }

        // The probe's command defaults to the compiler this project's Pulumi.yaml names (Pulumi runs the compiler in that folder).
        var emitter = new PulumiProgramEmitter(options: ClusterRegistry.Pulumi.Program.ProgramOptions.ForProject(Directory.GetCurrentDirectory()));
        var name = StackNames.Selected(stackOption);
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
                return ExitCodes.BadInput;
            }

            stack = context.Catalog.Build(name);
            if (DeploymentGate.Run(stack, configRoot, context.Error, Name).Errors > 0)
            {
                exit = ExitCodes.Findings;
            }

            json = emitter.Emit(stack).ToJson();
        }

        if (outArgument is { } outPath)
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

        return exit;
    }
}
