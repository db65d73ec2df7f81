using System.CommandLine;
using ClusterRegistry.Cli.Parsing;
using ClusterRegistry.Pulumi.Cli;
using ClusterRegistry.Pulumi.Diff;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>diff --stack NAME --base REF|DIR [--project PATH] [--format text|markdown|json] [--out FILE]</c>: the offline
/// semantic diff of the declared topology between a base (a folder of synthesized output, or a git ref built in a
/// temporary worktree) and the working tree, with the rule findings introduced and fixed. No cluster, no credentials.
/// At a git ref, the project built is <c>--project</c>, else this program's own project (<see cref="StacksProjectLocator"/>).
/// Exit 1 when the change introduces an error-severity finding.
/// </summary>
public sealed class DiffVerb : IVerb
{
    public string Name => "diff";

    public string Summary => "offline diff of the declared topology vs --base REF|DIR [--project PATH] [--format text|markdown|json]";

    public Command CreateCommand(VerbContext context)
    {
        var stackOption = CliOptions.Stack(context.Catalog, "the stack to compare (default: $PULUMI_STACK)");
        var baseOption = CliOptions.Text("--base", "REF|DIR", "the base: a folder of compile --out output, or a git ref built in a temporary worktree", required: true);
        var format = CliOptions.Choice("--format", "the report format", "text", "markdown", "json");
        var output = CliOptions.OutFile("write the report to FILE (atomically) instead of stdout");
        var project = CliOptions.Text("--project", "PATH", "at a git ref: the stacks project to build there (default: this program's project)");
        var command = new VerbCommand(Name, Summary,
            ok: "no error-severity finding introduced",
            findings: "the change introduces an error-severity finding",
            badInput: "bad input, or a base that cannot be read or built")
        {
            stackOption, baseOption, format, output, project,
        };
        command.SetAction(result => Run(context, context.BuildStack(result.GetValue(stackOption)), result.GetValue(baseOption)!, result.GetValue(format)!, result.GetValue(output), result.GetValue(project)));
        return command;
    }

    private static int Run(VerbContext context, Stack stack, string baseSpec, string format, string? outFile, string? projectOption)
    {
        var findings = FindingSources.Default;

        ProgramSnapshot @base;
        try
        {
            if (Directory.Exists(baseSpec) || File.Exists(baseSpec))
            {
                @base = SnapshotSources.FromDirectory(baseSpec, stack.Name);
            }
            else
            {
                var top = ProcessRunner.Run("git", new[] { "rev-parse", "--show-toplevel" });
                if (top.ExitCode != 0)
                {
                    throw new UsageException($"--base '{baseSpec}' is not a folder, and this is not a git repository to find a ref in");
                }

                var root = top.StdOut.Trim();
                // --project is given relative to the current directory; the base tree knows paths relative to its root.
                var project = projectOption is { } p ? Path.GetRelativePath(root, Path.GetFullPath(p)).Replace('\\', '/') : null;
                var programName = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
                @base = SnapshotSources.FromGitRef(root, baseSpec, stack.Name, context.Error, project, programName);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        var head = SnapshotSources.FromStack(stack, findings, new ClusterRegistry.Pulumi.PulumiProgramEmitter(options: ClusterRegistry.Pulumi.Program.ProgramOptions.ForProject(Directory.GetCurrentDirectory())));
        var report = TopologyDiff.Compare(@base, head);
        var text = DiffFormatter.Format(report, format);
        if (outFile is not null)
        {
            OutFileOption.Write("out", outFile, text);
        }
        else
        {
            context.Out.Write(text);
        }

        var newErrors = report.FindingsIntroduced?.Count(f => f.Severity.Equals("error", StringComparison.OrdinalIgnoreCase)) ?? 0;
        return newErrors > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
