using ClusterRegistry.Repository.Discovery;
using ClusterRegistry.Repository.Yaml;

namespace ClusterRegistry.Repository;

/// <summary>What every reader shares: the walk, the limits, the notices, and each file parsed once.</summary>
public sealed class RepositoryContext
{
    private readonly Dictionary<string, YamlFile?> parsed = new(StringComparer.Ordinal);

    public RepositoryContext(string root, RepositoryOptions options)
    {
        Options = options;
        Discovery = new RepositoryDiscovery(root, options, Notices);
    }

    public RepositoryOptions Options { get; }

    public List<RepositoryNotice> Notices { get; } = new();

    public RepositoryDiscovery Discovery { get; }

    /// <summary>Files <c>@</c>-referenced by talconfig.yaml or read as values by a kustomize generator: not read again on their own.</summary>
    public HashSet<string> Referenced { get; } = new(StringComparer.Ordinal);

    /// <summary>The file parsed (cached), or null when unreadable (a notice says why).</summary>
    public YamlFile? Yaml(RepositoryFile file)
    {
        if (parsed.TryGetValue(file.RelativePath, out var known))
        {
            return known;
        }

        var text = Discovery.ReadText(file);
        var yaml = text is null ? null : SafeYamlLoader.Load(file.RelativePath, text, Options, Notices);
        parsed[file.RelativePath] = yaml;
        return yaml;
    }

    /// <summary>Text of a file (not parsed).</summary>
    public string? Text(RepositoryFile file) => Discovery.ReadText(file);
}
