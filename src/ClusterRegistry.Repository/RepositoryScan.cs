using ClusterRegistry.Repository.Flux;
using ClusterRegistry.Rules;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository;

/// <summary>What reading a repository produced: the snapshot the rules run on, the notices, and the releases found.</summary>
public sealed class RepositoryScan
{
    public required string Root { get; init; }

    public required TopologySnapshot Snapshot { get; init; }

    public required IReadOnlyList<RepositoryNotice> Notices { get; init; }

    /// <summary>The Spegel and Harbor HelmReleases, with their values (for import).</summary>
    public required IReadOnlyList<HelmReleaseInfo> Releases { get; init; }

    /// <summary>How many candidate files were looked at.</summary>
    public int FilesRead { get; init; }

    /// <summary>
    /// Runs every rule. A patch file shared by several node groups is one place in the repository, so a finding at the
    /// same file, line, column and rule is reported once.
    /// </summary>
    public IReadOnlyList<Finding> Check()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var f in RuleEngine.Run(Snapshot))
        {
            var key = f.Location is SourceFileLocation l ? f.Id + "|" + l.Path + "|" + l.Line + "|" + l.Column + "|" + f.PropertyPath : f.Id + "|" + f.Resource + "|" + f.PropertyPath + "|" + f.Message;
            if (seen.Add(key))
            {
                result.Add(f);
            }
        }

        return result;
    }
}
