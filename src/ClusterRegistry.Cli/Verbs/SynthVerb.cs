using System.CommandLine;
using ClusterRegistry.Cli.Parsing;
using ClusterRegistry.Rendering;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>synth --stack NAME --target gitops|node|all --out DIR</c>: validates the stack, renders the target and moves the
/// finished tree into DIR, which then holds exactly the rendered files (a previous run's stale files are gone).
/// On bad input it exits 2 naming resource, property and value, and leaves DIR as it was: absent if it was absent,
/// byte for byte unchanged if it existed. Because DIR is replaced as a whole, synth refuses a DIR that is the current
/// folder or one of its parents, a file, a folder holding <c>.git</c>, or a non-empty folder it did not write (one
/// without <see cref="FileTreeWriter.OwnershipMarker"/>).
/// </summary>
public sealed class SynthVerb : IVerb
{
    public string Name => "synth";

    public string Summary => "render the GitOps tree (--target gitops), the node view (node) or both (all) into --out DIR";

    public Command CreateCommand(VerbContext context)
    {
        var stackOption = CliOptions.Stack(context.Catalog);
        var target = CliOptions.Choice("--target", "what to render", ["all", "gitops", "node"], alsoAccepted: ["nodes"]);
        var output = new Option<string>("--out")
        {
            Description = "the folder to render into; replaced as a whole by the finished tree",
            HelpName = "DIR",
            Required = true,
        }.Check(OutProblem);
        var command = new VerbCommand(Name, Summary,
            ok: "rendered; --out holds exactly the rendered files",
            badInput: "bad input (a resource, property and value named) or an --out synth may not replace; --out is left as it was")
        {
            stackOption, target, output,
        };
        command.SetAction(result => Run(context, context.BuildStack(result.GetValue(stackOption)), result.GetValue(target)!, result.GetValue(output)!));
        return command;
    }

    private static int Run(VerbContext context, Stack stack, string targetText, string outText)
    {
        Synthesizer.TryParseTarget(targetText, out var target);
        var outDir = CheckOut(outText);
        var tree = Synthesizer.Synthesize(stack, target);
        try
        {
            FileTreeWriter.WriteAtomically(tree, outDir);
        }
        catch (FolderNotOwnedException)
        {
            context.Error.WriteLine(
                $"error: --out '{outText}' is a non-empty folder that synth did not write (no {FileTreeWriter.OwnershipMarker} in it); synth replaces --out as a whole, so name a new or empty folder, or one synth wrote");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: could not write {outDir}: {e.Message}");
            return ExitCodes.BadInput;
        }

        context.Out.WriteLine($"synth: wrote {tree.Count} files for stack '{stack.Name}' ({targetText}) to {outDir}");
        return ExitCodes.Ok;
    }

    private static string? OutProblem(string outDir)
    {
        try
        {
            CheckOut(outDir);
            return null;
        }
        catch (UsageException e)
        {
            return e.Message;
        }
    }

    private static string CheckOut(string outDir)
    {
        if (string.IsNullOrWhiteSpace(outDir))
        {
            throw new UsageException($"--out '{outDir}' is empty; name the folder to render into");
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        var cwd = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Environment.CurrentDirectory));
        if (Path.GetDirectoryName(full) is null || cwd == full || cwd.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UsageException($"--out {outDir} is the current folder or one of its parents; synth replaces --out as a whole, name a folder of its own");
        }

        if (File.Exists(full))
        {
            throw new UsageException($"--out {outDir} is a file; name a folder");
        }

        if (Directory.Exists(Path.Combine(full, ".git")) || File.Exists(Path.Combine(full, ".git")))
        {
            throw new UsageException($"--out {outDir} holds a .git repository; synth replaces --out as a whole, name a folder inside it (e.g. {Path.Combine(outDir, "cluster")})");
        }

        return full;
    }
}
