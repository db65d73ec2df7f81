using System.Collections.Generic;

namespace ClusterRegistry.Rules.Topology;

/// <summary>
/// A list in the snapshot that may hold elements the builder could not see (an <c>AddRange</c> of a non-constant, a loop,
/// a helper method). When <see cref="HasUnknownEntries"/> is true, rules that say "X is missing" stay silent; rules about
/// the known elements still run. Supports collection initialisers.
/// </summary>
public sealed class ValList<T> : List<T>
{
    public ValList()
    {
    }

    public ValList(IEnumerable<T> items)
        : base(items)
    {
    }

    /// <summary>True when the list may hold elements not in it (so its content is not fully known).</summary>
    public bool HasUnknownEntries { get; set; }

    /// <summary>Where the collection is written (the property assignment / initialiser); opaque, may be null.</summary>
    public object? Location { get; set; }

    /// <summary>True when every element is in the list.</summary>
    public bool IsComplete => !HasUnknownEntries;
}
