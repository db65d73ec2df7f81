namespace ClusterRegistry.Repository;

/// <summary>
/// Limits and switches for reading a repository. A repository is untrusted input (<c>check --repo</c> runs in CI on pull
/// requests from forks), so every limit has a safe default; a file over a limit is refused with one notice and the rest
/// of the repository is still read.
/// </summary>
public sealed class RepositoryOptions
{
    /// <summary>Largest file read (bytes). Real manifests and patches are a few KiB; 1 MiB leaves ample room.</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Most files looked at; beyond it the walk stops with one notice.</summary>
    public int MaxFiles { get; init; } = 50_000;

    /// <summary>Most directory levels below the root.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>
    /// Most nodes a YAML file may expand to once aliases are followed ("billion laughs": 9 nested anchors of 9 aliases
    /// are 81 aliases in the text but 387 million nodes when expanded).
    /// </summary>
    public long MaxExpandedNodes { get; init; } = 200_000;

    /// <summary>Deepest nesting of YAML collections (the YAML reader recurses per level).</summary>
    public int MaxYamlDepth { get; init; } = 64;

    /// <summary>
    /// Substitute talhelper <c>${VAR}</c> from the process environment too (talhelper does). Off by default: in CI on a
    /// fork's pull request a repository could name <c>${SOME_TOKEN}</c> in a mirror URL and have it printed in a report.
    /// <c>talenv.yaml</c> is always used.
    /// </summary>
    public bool UseProcessEnvironment { get; init; }

    /// <summary>The environment used when <see cref="UseProcessEnvironment"/> is on (tests pass their own).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
