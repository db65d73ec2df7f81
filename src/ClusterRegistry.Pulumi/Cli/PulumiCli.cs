using System.Diagnostics;

namespace ClusterRegistry.Pulumi.Cli;

/// <summary>
/// Runs the real <c>pulumi</c> CLI for a stack from the project directory (the folder holding Pulumi.yaml, whose
/// compiler option points at the built stacks program). Where the CLI is missing it only describes what it would run.
/// </summary>
public sealed class PulumiCli
{
    public PulumiCli(string? executable, string projectDirectory)
    {
        Executable = executable;
        ProjectDirectory = projectDirectory;
    }

    /// <summary>The pulumi executable, or null when it is not on PATH.</summary>
    public string? Executable { get; }

    /// <summary>The folder holding Pulumi.yaml.</summary>
    public string ProjectDirectory { get; }

    public bool Available => Executable is not null;

    /// <summary>Finds pulumi on PATH and the nearest Pulumi.yaml at or above <paramref name="start"/>.</summary>
    public static PulumiCli Locate(string start)
    {
        var dir = new DirectoryInfo(start);
        var project = start;
        for (var d = dir; d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Pulumi.yaml")))
            {
                project = d.FullName;
                break;
            }
        }

        return new PulumiCli(ProcessRunner.FindOnPath("pulumi"), project);
    }

    /// <summary>The arguments of a wrapped command, e.g. <c>preview --stack homelab --diff</c>.</summary>
    public static IReadOnlyList<string> Arguments(string command, string stack, IEnumerable<string> extra) =>
        new[] { command, "--stack", stack }.Concat(extra).ToArray();

    /// <summary>The command line as a user would type it (for "would run" messages).</summary>
    public string Describe(IReadOnlyList<string> args) =>
        $"(cd {Quote(ProjectDirectory)} && pulumi {string.Join(' ', args.Select(Quote))})";

    /// <summary>Runs pulumi with the console inherited (output streams live) and returns its exit code.</summary>
    public int Run(IReadOnlyList<string> args)
    {
        if (Executable is null)
        {
            throw new InvalidOperationException("pulumi is not on PATH");
        }

        var psi = new ProcessStartInfo(Executable) { UseShellExecute = false, WorkingDirectory = ProjectDirectory };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode;
    }

    /// <summary>The compiler command Pulumi.yaml names, when it is missing (Pulumi would fail with a less helpful error).</summary>
    public string? MissingCompiler()
    {
        var pulumiYaml = Path.Combine(ProjectDirectory, "Pulumi.yaml");
        if (!File.Exists(pulumiYaml))
        {
            return "Pulumi.yaml";
        }

        foreach (var line in File.ReadLines(pulumiYaml))
        {
            var t = line.Trim();
            if (t.StartsWith("compiler:", StringComparison.Ordinal))
            {
                var exe = t["compiler:".Length..].Trim().Trim('"', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                if (exe is not null && exe.Contains('/') && !File.Exists(Path.Combine(ProjectDirectory, exe)))
                {
                    return exe;
                }
            }
        }

        return null;
    }

    private static string Quote(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':')
        ? s
        : "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
