using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Cli.Reporting;

/// <summary>
/// The severities a team configured for the CRG rules, read by Roslyn's own reader (<see cref="AnalyzerConfig"/> and
/// <see cref="AnalyzerConfigSet"/>, what the compiler builds from the SDK's <c>EditorConfigFiles</c>), so that
/// <c>check</c>, <c>check --repo</c> and <c>compile</c> in CI and the squiggles in the IDE agree to the character:
/// section globs (<c>*</c>, <c>**</c>, <c>?</c>, <c>[abc]</c>, <c>{a,b}</c>, <c>{1..3}</c>), <c>root = true</c>,
/// global configs (<c>.globalconfig</c>, or any file with <c>is_global = true</c>) with <c>global_level</c>, and
/// conflicts between global configs, which unset the key as in the build.
/// The files are the ones the .NET SDK passes to the compiler: <c>.editorconfig</c> and <c>.globalconfig</c> of the
/// stack file's directory and every directory above it.
/// Precedence is the compiler's (Roslyn's <c>AnalyzerOptionsExtensions.TryGetSeverityFromBulkConfiguration</c>):
/// <c>dotnet_diagnostic.CRGxxx.severity</c> for the file (editorconfig over globalconfig), then
/// <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>, then <c>dotnet_analyzer_diagnostic.severity</c>,
/// then the rule's default. Values: <c>error</c>, <c>warning</c>, <c>suggestion</c>, <c>silent</c>, <c>none</c>,
/// <c>default</c>; <c>silent</c> and <c>none</c> mean "not reported".
/// </summary>
public sealed class SeverityConfiguration
{
    private const string AllAnalyzersKey = "dotnet_analyzer_diagnostic.severity";

    private readonly string root;
    private readonly Dictionary<string, AnalyzerConfigSet> sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnalyzerConfig?> files = new(StringComparer.Ordinal);

    private SeverityConfiguration(string root) => this.root = root;

    /// <summary>Configuration rooted at <paramref name="repositoryRoot"/>: finding files are relative to it.</summary>
    public static SeverityConfiguration Load(string repositoryRoot) => new(Path.GetFullPath(repositoryRoot));

    /// <summary>
    /// The configured severity of <paramref name="finding"/> in <paramref name="file"/> (repository-relative, or null when
    /// unknown: then a file <c>Stack.cs</c> at the root stands for it); null means "not reported".
    /// </summary>
    public RuleSeverity? SeverityOf(Finding finding, string? file)
    {
        var source = Path.GetFullPath(Path.Combine(root, file ?? "Stack.cs"));
        var set = SetFor(Path.GetDirectoryName(source) ?? root);
        var options = set.GetOptionsForSourcePath(source);
        return Map(Effective(finding.Rule, options, set.GlobalConfigOptions), finding.Severity);
    }

    /// <summary>The compiler's order: the rule's own key (this file's sections, then global), its category, all analyzers.</summary>
    private static ReportDiagnostic Effective(RuleDescriptor rule, AnalyzerConfigOptionsResult file, AnalyzerConfigOptionsResult global)
    {
        if (file.TreeOptions.TryGetValue(rule.Id, out var specific) && specific != ReportDiagnostic.Default)
        {
            return specific;
        }

        if (global.TreeOptions.TryGetValue(rule.Id, out specific) && specific != ReportDiagnostic.Default)
        {
            return specific;
        }

        foreach (var key in new[] { "dotnet_analyzer_diagnostic.category-" + rule.Category + ".severity", AllAnalyzersKey })
        {
            if ((file.AnalyzerOptions.TryGetValue(key, out var value) || global.AnalyzerOptions.TryGetValue(key, out value))
                && ParseSeverity(value) is { } bulk)
            {
                return bulk;
            }
        }

        return ReportDiagnostic.Default;
    }

    /// <summary>The editorconfig severity words, as Roslyn's <c>EditorConfigSeverityStrings</c> reads them.</summary>
    private static ReportDiagnostic? ParseSeverity(string value) => value.Trim().ToLowerInvariant() switch
    {
        "default" => ReportDiagnostic.Default,
        "error" => ReportDiagnostic.Error,
        "warning" => ReportDiagnostic.Warn,
        "suggestion" => ReportDiagnostic.Info,
        "silent" or "refactoring" => ReportDiagnostic.Hidden,
        "none" => ReportDiagnostic.Suppress,
        _ => null,
    };

    private static RuleSeverity? Map(ReportDiagnostic severity, RuleSeverity defaultSeverity) => severity switch
    {
        ReportDiagnostic.Error => RuleSeverity.Error,
        ReportDiagnostic.Warn => RuleSeverity.Warning,
        ReportDiagnostic.Info => RuleSeverity.Info,
        ReportDiagnostic.Hidden or ReportDiagnostic.Suppress => null,
        _ => defaultSeverity,
    };

    /// <summary>The config set the compiler would build for a source file in <paramref name="directory"/>.</summary>
    private AnalyzerConfigSet SetFor(string directory)
    {
        if (sets.TryGetValue(directory, out var known))
        {
            return known;
        }

        var configs = new List<AnalyzerConfig>();
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            foreach (var name in new[] { ".editorconfig", ".globalconfig" })
            {
                if (Read(Path.Combine(d.FullName, name)) is { } config)
                {
                    configs.Add(config);
                }
            }
        }

        var set = AnalyzerConfigSet.Create(configs);
        sets[directory] = set;
        return set;
    }

    private AnalyzerConfig? Read(string path)
    {
        if (!files.TryGetValue(path, out var config))
        {
            config = File.Exists(path) ? AnalyzerConfig.Parse(File.ReadAllText(path), path) : null;
            files[path] = config;
        }

        return config;
    }
}
