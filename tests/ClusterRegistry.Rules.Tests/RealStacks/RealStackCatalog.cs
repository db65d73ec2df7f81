using System.Reflection;
using ClusterRegistry;

namespace ClusterRegistry.Rules.Tests.RealStacks;

/// <summary>
/// The stacks transcribed from public home-ops repositories (each names its repository and commit), with the findings
/// their <c>ExpectedIds</c> argue from upstream facts. The analyzer tests compile the same files and must agree.
/// </summary>
public static class RealStackCatalog
{
    public static IReadOnlyList<Type> Types { get; } = typeof(RealStackCatalog).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(RealStackCatalog).Namespace && t.IsSubclassOf(typeof(Stack)) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static string[] ExpectedIds(Type type) =>
        ((string)type.GetField("ExpectedIds", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!)
        .Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static Stack Build(Type type) => Stack.Build(() => (Stack)Activator.CreateInstance(type)!);
}
