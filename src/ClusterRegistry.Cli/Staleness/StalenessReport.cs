namespace ClusterRegistry.Cli.Staleness;

/// <summary>What <see cref="StalenessCheck"/> found: the inputs changed, added and removed since the program was built.</summary>
public sealed class StalenessReport(
    InputStamp stamp,
    string? sourceRoot,
    string program,
    string workingDirectory,
    IReadOnlyList<string> changed,
    IReadOnlyList<string> added,
    IReadOnlyList<string> removed)
{
    /// <summary>The folder the sources were found in, or null when they were not found (nothing could be compared).</summary>
    public string? SourceRoot { get; } = sourceRoot;

    public IReadOnlyList<string> Changed { get; } = changed;

    public IReadOnlyList<string> Added { get; } = added;

    public IReadOnlyList<string> Removed { get; } = removed;

    /// <summary>True when the sources were found and are exactly those the program was built from.</summary>
    public bool IsCurrent => SourceRoot is not null && Changed.Count == 0 && Added.Count == 0 && Removed.Count == 0;

    /// <summary>
    /// The command that brings the program up to date: the project's <c>ClusterRegistryBuildCommand</c>, else
    /// <c>dotnet build</c> when the program runs from its build output, else <c>dotnet publish … -o</c> its folder.
    /// </summary>
    public string BuildCommand
    {
        get
        {
            if (stamp.Command is { } command)
            {
                return command;
            }

            var project = Display(Path.Combine(SourceRoot ?? stamp.Root, stamp.Project));
            var programDir = Path.GetDirectoryName(Path.GetFullPath(program)) ?? ".";
            var outDir = stamp.OutDir is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(stamp.OutDir));
            return string.Equals(outDir, Path.TrimEndingDirectorySeparator(programDir), StringComparison.Ordinal)
                ? $"dotnet build {project} -c {stamp.Configuration}"
                : $"dotnet publish {project} -c {stamp.Configuration} -o {Display(programDir)}";
        }
    }

    /// <summary>The one-line refusal (it says "stale" and names the command to run); null when current.</summary>
    public string? Message
    {
        get
        {
            if (IsCurrent)
            {
                return null;
            }

            if (SourceRoot is null)
            {
                return $"error: cannot tell whether {Display(program)} is stale: its sources ({stamp.Project}) are neither under {stamp.Root} " +
                       $"nor under the Pulumi project folder above {workingDirectory}; build it from this checkout: {BuildCommand}";
            }

            var what = Changed.Select(f => f + " changed")
                .Concat(Added.Select(f => f + " was added"))
                .Concat(Removed.Select(f => f + " was removed"))
                .ToList();
            var more = what.Count > 3 ? $" (and {what.Count - 3} more)" : "";
            return $"error: {Display(program)} is stale: {string.Join(", ", what.Take(3))}{more} since it was built; rebuild it: {BuildCommand}";
        }
    }

    private string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Path.GetFullPath(workingDirectory), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
