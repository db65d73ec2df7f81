using ClusterRegistry.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Docs.Tests;

/// <summary>
/// The repository's own code style is written down in the root <c>.editorconfig</c>, read here with Roslyn's own reader
/// as the compiler and <c>dotnet format</c> read it for a source file. The build does not enforce it
/// (no EnforceCodeStyleInBuild, so branches merging in later cannot break on style); README's "Code style" section says
/// how to check it.
/// </summary>
public class EditorConfigTests
{
    private static string ConfigPath => Path.Combine(RepoPaths.Root, ".editorconfig");

    private static AnalyzerConfigOptionsResult OptionsFor(string relativeSource)
    {
        var config = AnalyzerConfig.Parse(File.ReadAllText(ConfigPath), ConfigPath);
        var set = AnalyzerConfigSet.Create(new[] { config });
        return set.GetOptionsForSourcePath(Path.Combine(RepoPaths.Root, relativeSource));
    }

    [Fact]
    public void The_root_editorconfig_exists_and_stops_the_search_there()
    {
        Assert.True(File.Exists(ConfigPath), "no .editorconfig at the repository root");
        var preamble = File.ReadAllLines(ConfigPath).Select(l => l.Trim()).TakeWhile(l => !l.StartsWith('['))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(';'));
        Assert.Contains(preamble, l => l.Replace(" ", "", StringComparison.Ordinal).Equals("root=true", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("csharp_style_namespace_declarations", "file_scoped")]
    [InlineData("csharp_prefer_braces", "true")]
    [InlineData("csharp_style_var_for_built_in_types", "true")]
    [InlineData("csharp_style_var_when_type_is_apparent", "true")]
    [InlineData("csharp_style_var_elsewhere", "true")]
    [InlineData("dotnet_sort_system_directives_first", "true")]
    [InlineData("csharp_using_directive_placement", "outside_namespace")]
    [InlineData("dotnet_naming_rule.interfaces_are_i_prefixed.style", "i_prefixed_pascal")]
    [InlineData("dotnet_naming_style.i_prefixed_pascal.required_prefix", "I")]
    [InlineData("dotnet_naming_rule.types_and_members_are_pascal.style", "pascal")]
    [InlineData("dotnet_naming_rule.private_fields_are_camel.style", "camel")]
    [InlineData("dotnet_naming_style.camel.capitalization", "camel_case")]
    [InlineData("dotnet_naming_rule.parameters_and_locals_are_camel.style", "camel")]
    [InlineData("indent_size", "4")]
    [InlineData("indent_style", "space")]
    public void A_source_file_gets_the_key_rules(string key, string value)
    {
        var options = OptionsFor("src/ClusterRegistry/Stack.cs").AnalyzerOptions;
        Assert.True(options.TryGetValue(key, out var actual), $"{key} is not set for C# sources in .editorconfig");
        Assert.Equal(value, actual.Split(':')[0].Trim());
    }

    [Theory]
    [InlineData("IDE0161")] // file-scoped namespace
    [InlineData("IDE0011")] // braces
    [InlineData("IDE0007")] // var
    [InlineData("IDE0008")] // var (explicit type where var fits)
    [InlineData("IDE1006")] // naming
    public void The_key_rules_are_warnings_so_dotnet_format_checks_them(string id)
    {
        var tree = OptionsFor("src/ClusterRegistry/Stack.cs").TreeOptions;
        Assert.True(tree.TryGetValue(id, out var severity) && severity == ReportDiagnostic.Warn,
            $"dotnet_diagnostic.{id}.severity should be warning (dotnet format style --severity warn reports it)");
    }

    [Fact]
    public void It_sets_no_CRG_severity_so_check_reads_the_stacks_at_their_defaults()
    {
        // check, check --repo and compile read every .editorconfig above a stack (SeverityConfiguration): a CRG or
        // all-analyzer severity here would change what this repository's own stacks and fixtures report.
        var lines = File.ReadAllLines(ConfigPath).Select(l => l.Trim()).Where(l => !l.StartsWith('#')).ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith("dotnet_diagnostic.CRG", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.StartsWith("dotnet_analyzer_diagnostic", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_build_does_not_enforce_it()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets" })
        {
            Assert.DoesNotContain("EnforceCodeStyleInBuild>true", File.ReadAllText(Path.Combine(RepoPaths.Root, file)), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void README_says_how_to_check_it()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.Contains("## Code style", readme);
        Assert.Contains("dotnet format style ClusterRegistry.sln --verify-no-changes", readme);
    }
}
