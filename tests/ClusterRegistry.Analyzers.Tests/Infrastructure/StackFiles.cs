using ClusterRegistry.Testing;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>Stack source files: the repository's stacks and this project's broken ones.</summary>
public static class StackFiles
{
    public static string Repo(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "stacks", name));

    public static string Test(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "ClusterRegistry.Analyzers.Tests", "StackSources", name));

    public static IEnumerable<string> TestNames() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "ClusterRegistry.Analyzers.Tests", "StackSources"), "*.cs").Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal);
}
