using ClusterRegistry.Pulumi;
using ClusterRegistry.Pulumi.Cli;
using ClusterRegistry.Pulumi.Diff;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>compile</c>: prints the Pulumi YAML program (JSON) for <c>PULUMI_STACK</c> (or <c>--stack</c>). This is the
/// <c>runtime.options.compiler</c> command of the root Pulumi.yaml. Without a stack it prints a program needing the same
/// packages (Pulumi calls the compiler that way to list plugins) and exits 0.
/// </summary>
public sealed class CompileVerb : IVerb
{
    public string Name => "compile";

    public string Summary => "print the Pulumi program (JSON) for PULUMI_STACK / --stack; the Pulumi.yaml compiler [--out FILE|DIR/]";

    public Task<int> RunAsync(VerbContext context)
    {
        var cl = new CommandLine(context.Args);
        cl.AllowOnly("stack", "out");
        // The probe's command defaults to the compiler this project's Pulumi.yaml names (Pulumi runs the compiler in that folder).
        var emitter = new PulumiProgramEmitter(options: ClusterRegistry.Pulumi.Program.ProgramOptions.ForProject(Directory.GetCurrentDirectory()));
        var name = StackNames.Selected(cl.Get("stack"));
        string json;
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

            json = emitter.Emit(context.Catalog.Build(name)).ToJson();
        }

        if (cl.Get("out") is { } outPath)
        {
            var file = outPath.EndsWith('/') || Directory.Exists(outPath)
                ? Path.Combine(outPath, (name ?? "packages") + ".json")
                : outPath;
            AtomicFile.Write(file, json);
            context.Error.WriteLine($"wrote {file}");
            if (name is not null && FindingSources.Default is not NoFindings)
            {
                // Beside the program, so `diff --base DIR` can report findings introduced and fixed.
                var findingsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, name + ".findings.json");
                AtomicFile.Write(findingsFile, FindingsFile.Write(FindingSources.Default.Evaluate(context.Catalog.Build(name))));
            }
        }
        else
        {
            context.Out.Write(json);
        }

        return Task.FromResult(ExitCodes.Ok);
    }
}
