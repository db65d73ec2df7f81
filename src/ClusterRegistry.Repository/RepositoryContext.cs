using ClusterRegistry.Repository.Discovery;
using ClusterRegistry.Repository.Yaml;

namespace ClusterRegistry.Repository;

/// <summary>What every reader shares: the walk, the limits, the notices, and each file parsed once.</summary>
public sealed class RepositoryContext
{
    private readonly Dictionary<string, YamlFile?> parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> texts = new(StringComparer.Ordinal);

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

        var text = Text(file);
        texts.Remove(file.RelativePath); // the parsed file keeps its text
        var yaml = text is null ? null : SafeYamlLoader.Load(file.RelativePath, text, Options, Notices);
        parsed[file.RelativePath] = yaml;
        return yaml;
    }

    /// <summary>Text of a file (not parsed), read once.</summary>
    public string? Text(RepositoryFile file)
    {
        if (parsed.TryGetValue(file.RelativePath, out var yaml) && yaml is not null)
        {
            return yaml.Text;
        }

        if (!texts.TryGetValue(file.RelativePath, out var text))
        {
            text = Discovery.ReadText(file);
            texts[file.RelativePath] = text;
        }

        return text;
    }

    /// <summary>What the file declares, from its text (see <see cref="KindPeek"/>); null when it cannot be read.</summary>
    public KindPeek? Peek(RepositoryFile file) => Text(file) is { } text ? KindPeek.Of(text) : null;
}
