using System.Text.RegularExpressions;
using ClusterRegistry.Pulumi.Cli;

namespace ClusterRegistry.Pulumi.Diff;

/// <summary>
/// Which project of a checked-out tree builds the stacks program, for <c>diff --base REF</c>: the one named by
/// <c>--project</c>; else the project whose assembly is the running program (its file name or <c>&lt;AssemblyName&gt;</c>);
/// else the only executable project that references ClusterRegistry.Cli. Nothing about a particular repository layout.
/// </summary>
public static partial class StacksProjectLocator
{
    /// <param name="tree">The checked-out tree (repository root).</param>
    /// <param name="project">The <c>--project</c> path relative to the repository root, or null.</param>
    /// <param name="programName">The running program's assembly name, or null.</param>
    /// <returns>The project path relative to <paramref name="tree"/>.</returns>
    /// <exception cref="ArgumentException">No project, or several, with what to pass to <c>--project</c>.</exception>
    public static string Locate(string tree, string? project, string? programName)
    {
        var candidates = ProcessRunner.Run("git", new[] { "-C", tree, "ls-files", "--", "*.csproj" }).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (project is not null)
        {
            var normalized = project.Replace('\\', '/').TrimStart('.', '/');
            var match = candidates.FirstOrDefault(c => c == normalized)
                        ?? candidates.FirstOrDefault(c => Path.GetDirectoryName(c)?.Replace('\\', '/') == normalized.TrimEnd('/'));
            return match ?? throw new ArgumentException($"--project '{project}': no such project in the base (projects there: {Describe(candidates)})");
        }

        if (!string.IsNullOrEmpty(programName))
        {
            var own = candidates.Where(c => string.Equals(AssemblyNameOf(tree, c), programName, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (own.Length == 1)
            {
                return own[0];
            }
        }

        var hosts = candidates.Where(c => IsStacksProgram(File.ReadAllText(Path.Combine(tree, c)))).ToArray();
        return hosts.Length switch
        {
            1 => hosts[0],
            0 => throw new ArgumentException($"the base has no stacks program (an executable project referencing ClusterRegistry.Cli); name it with --project (projects there: {Describe(candidates)})"),
            _ => throw new ArgumentException($"the base has several stacks programs ({string.Join(", ", hosts)}); name one with --project"),
        };
    }

    /// <summary>The assembly a project builds: its <c>&lt;AssemblyName&gt;</c>, else its file name.</summary>
    public static string AssemblyNameOf(string tree, string project)
    {
        var text = File.ReadAllText(Path.Combine(tree, project));
        var m = AssemblyNamePattern().Match(text);
        return m.Success ? m.Groups[1].Value.Trim() : Path.GetFileNameWithoutExtension(project);
    }

    private static bool IsStacksProgram(string csproj) =>
        csproj.Contains("ClusterRegistry.Cli", StringComparison.Ordinal) && ExePattern().IsMatch(csproj);

    private static string Describe(IReadOnlyList<string> candidates) => candidates.Count == 0 ? "none" : string.Join(", ", candidates.Take(10));

    [GeneratedRegex(@"<AssemblyName>\s*([^<$]+?)\s*</AssemblyName>")]
    private static partial Regex AssemblyNamePattern();

    [GeneratedRegex(@"<OutputType>\s*Exe\s*</OutputType>", RegexOptions.IgnoreCase)]
    private static partial Regex ExePattern();
}
