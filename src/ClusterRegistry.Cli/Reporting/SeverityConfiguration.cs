using System.Text;
using System.Text.RegularExpressions;
using ClusterRegistry.Rules;

namespace ClusterRegistry.Cli.Reporting;

/// <summary>
/// The severities a team configured for the CRG rules, read the way the compiler reads them for the analyzers, so that
/// <c>check</c> in CI and the squiggles in the IDE agree: <c>dotnet_diagnostic.CRGxxx.severity</c> and
/// <c>dotnet_analyzer_diagnostic.severity</c> from <c>.globalconfig</c> files and from the <c>.editorconfig</c> files that
/// apply to the stack's source file (nearest file wins, <c>root = true</c> stops the walk, and editorconfig beats
/// globalconfig). Values: <c>error</c>, <c>warning</c>, <c>suggestion</c>, <c>silent</c>, <c>none</c>, <c>default</c>.
/// </summary>
public sealed class SeverityConfiguration
{
    private readonly string root;
    private readonly Dictionary<string, IReadOnlyList<ConfigFile>> chains = new(StringComparer.Ordinal);

    private SeverityConfiguration(string root) => this.root = root;

    /// <summary>Configuration rooted at <paramref name="repositoryRoot"/>: finding files are relative to it.</summary>
    public static SeverityConfiguration Load(string repositoryRoot) => new(Path.GetFullPath(repositoryRoot));

    /// <summary>
    /// The configured severity of <paramref name="finding"/> in <paramref name="file"/> (repository-relative, or null when
    /// unknown: then <c>[*.cs]</c> sections of the root's files apply); null means "not reported".
    /// </summary>
    public RuleSeverity? SeverityOf(Finding finding, string? file)
    {
        var relative = file ?? "Stack.cs";
        var directory = Path.GetDirectoryName(Path.Combine(root, relative)) ?? root;
        string? configured = null;
        string? all = null;

        // Globalconfig first, then editorconfig from the farthest to the nearest: later assignments win.
        foreach (var config in ChainFor(directory))
        {
            var path = Path.GetRelativePath(config.Directory, Path.Combine(root, relative)).Replace('\\', '/');
            foreach (var section in config.Sections)
            {
                // A globalconfig's settings live before any section; an editorconfig's only inside matching sections.
                var preamble = ReferenceEquals(section, config.Sections[0]);
                if (config.IsGlobal ? !preamble : preamble || !section.Matches(path))
                {
                    continue;
                }

                if (section.Values.TryGetValue("dotnet_diagnostic." + finding.Id.ToLowerInvariant() + ".severity", out var v))
                {
                    configured = v;
                }

                if (section.Values.TryGetValue("dotnet_analyzer_diagnostic.severity", out var a))
                {
                    all = a;
                }
            }
        }

        return Parse(configured ?? all, finding.Severity);
    }

    private static RuleSeverity? Parse(string? value, RuleSeverity defaultSeverity) => value switch
    {
        null or "default" => defaultSeverity,
        "error" => RuleSeverity.Error,
        "warning" => RuleSeverity.Warning,
        "suggestion" or "info" => RuleSeverity.Info,
        "silent" or "hidden" or "none" => null,
        _ => defaultSeverity,
    };

    private IReadOnlyList<ConfigFile> ChainFor(string directory)
    {
        if (chains.TryGetValue(directory, out var known))
        {
            return known;
        }

        var editorconfigs = new List<ConfigFile>();
        var globals = new List<ConfigFile>();
        var stopEditorconfig = false;
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            if (!stopEditorconfig && ConfigFile.TryRead(Path.Combine(d.FullName, ".editorconfig"), isGlobal: false) is { } e)
            {
                editorconfigs.Add(e);
                stopEditorconfig = e.IsRoot;
            }

            if (ConfigFile.TryRead(Path.Combine(d.FullName, ".globalconfig"), isGlobal: true) is { } g)
            {
                globals.Add(g);
            }

            if (string.Equals(d.FullName.TrimEnd(Path.DirectorySeparatorChar), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                break;
            }
        }

        editorconfigs.Reverse();
        var chain = globals.Concat(editorconfigs).ToList();
        chains[directory] = chain;
        return chain;
    }

    private sealed class ConfigFile
    {
        public required string Directory { get; init; }

        public required bool IsGlobal { get; init; }

        public bool IsRoot { get; init; }

        public required IReadOnlyList<Section> Sections { get; init; }

        public static ConfigFile? TryRead(string path, bool isGlobal)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var sections = new List<Section>();
            var current = new Section("*");
            sections.Add(current);
            var isRoot = false;
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[' && line[^1] == ']')
                {
                    current = new Section(line[1..^1]);
                    sections.Add(current);
                    continue;
                }

                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }

                var key = line[..eq].Trim().ToLowerInvariant();
                var value = line[(eq + 1)..].Trim();
                var comment = value.IndexOfAny(['#', ';']);
                value = (comment >= 0 ? value[..comment] : value).Trim().ToLowerInvariant();
                if (ReferenceEquals(current, sections[0]) && key == "root")
                {
                    isRoot = value == "true";
                }

                // An analyzer severity may carry a ":severity" suffix in the older option form; keep only the value.
                current.Values[key] = value.Split(':')[0];
            }

            return new ConfigFile { Directory = Path.GetDirectoryName(path)!, IsGlobal = isGlobal, IsRoot = isRoot, Sections = sections };
        }
    }

    /// <summary>An editorconfig section: its glob as a regex over the path relative to the file's directory.</summary>
    private sealed class Section(string glob)
    {
        private readonly Regex pattern = new("^" + GlobToRegex(glob.Contains('/', StringComparison.Ordinal) ? glob.TrimStart('/') : "**/" + glob) + "$", RegexOptions.CultureInvariant);

        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public bool Matches(string relativePath) => pattern.IsMatch(relativePath);

        private static string GlobToRegex(string glob)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                switch (c)
                {
                    case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                        // "**/" matches zero or more directories; "**" elsewhere matches anything.
                        if (i + 2 < glob.Length && glob[i + 2] == '/')
                        {
                            sb.Append("(?:.*/)?");
                            i += 2;
                        }
                        else
                        {
                            sb.Append(".*");
                            i++;
                        }

                        break;
                    case '*':
                        sb.Append("[^/]*");
                        break;
                    case '?':
                        sb.Append("[^/]");
                        break;
                    case '{':
                        var close = glob.IndexOf('}', i);
                        if (close < 0)
                        {
                            sb.Append(@"\{");
                            break;
                        }

                        var options = glob[(i + 1)..close].Split(',').Select(o => GlobToRegex(o));
                        sb.Append("(?:").Append(string.Join("|", options)).Append(')');
                        i = close;
                        break;
                    default:
                        sb.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return sb.ToString();
        }
    }
}
