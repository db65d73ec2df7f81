using System.Reflection;
using ClusterRegistry;

namespace ClusterRegistry.Rules.Tests.BrokenStacks;

/// <summary>
/// Every stack in this folder with its <c>ExpectedIds</c>. The analyzer tests compile the same files from
/// <c>tests/ClusterRegistry.Rules.Tests/BrokenStacks/*Stack.cs</c> and must report the same IDs.
/// </summary>
public static class BrokenStackCatalog
{
    public static IReadOnlyList<Type> Types { get; } = typeof(BrokenStackCatalog).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(BrokenStackCatalog).Namespace && t.IsSubclassOf(typeof(Stack)) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The expected IDs of <paramref name="type"/>, from its <c>ExpectedIds</c> constant.</summary>
    public static string[] ExpectedIds(Type type) =>
        ((string)type.GetField("ExpectedIds", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!)
        .Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static Stack Build(Type type) => Stack.Build(() => (Stack)Activator.CreateInstance(type)!);

    /// <summary>A catalog holding every broken stack under its stack name, plus the repository's stacks.</summary>
    public static StackCatalog Catalog()
    {
        var catalog = new StackCatalog();
        foreach (var t in Types)
        {
            var name = Build(t).Name;
            catalog.Add(name, () => (Stack)Activator.CreateInstance(t)!);
        }

        return catalog;
    }
}
