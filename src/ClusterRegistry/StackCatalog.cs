namespace ClusterRegistry;

/// <summary>The stacks a program knows, by name. The CLI selects one with <c>--stack NAME</c> or <c>PULUMI_STACK</c>.</summary>
public sealed class StackCatalog
{
    private readonly SortedDictionary<string, Func<Stack>> factories = new(StringComparer.Ordinal);

    public StackCatalog Add<T>(string name, Func<T> factory) where T : Stack
    {
        factories.Add(name, () => Stack.Build(factory));
        return this;
    }

    /// <summary>Stack names, sorted.</summary>
    public IReadOnlyCollection<string> Names => factories.Keys;

    public bool Contains(string name) => factories.ContainsKey(name);

    /// <summary>Builds the named stack; throws <see cref="KeyNotFoundException"/> listing the known names.</summary>
    public Stack Build(string name) =>
        factories.TryGetValue(name, out var f)
            ? f()
            : throw new KeyNotFoundException($"unknown stack '{name}'; known stacks: {string.Join(", ", factories.Keys)}");
}
