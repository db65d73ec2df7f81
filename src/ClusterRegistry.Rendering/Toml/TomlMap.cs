using System.Collections;

namespace ClusterRegistry.Rendering.Toml;

/// <summary>
/// An insertion-ordered TOML table (an <see cref="OrderedDictionary{TKey, TValue}"/>). Values are <see cref="string"/>, <see cref="long"/>, <see cref="bool"/>,
/// <see cref="double"/>, <see cref="IReadOnlyList{T}"/> of values (arrays) or nested <see cref="TomlMap"/>s (tables).
/// Go structs keep field order; Go maps are encoded sorted (<see cref="SortedDeep"/>).
/// </summary>
public sealed class TomlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly OrderedDictionary<string, object> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>The value at <paramref name="key"/> (null when missing); setting an existing key replaces it in place.</summary>
    public object? this[string key]
    {
        get => entries.GetValueOrDefault(key);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            entries[key] = value;
        }
    }

    public bool TryGet(string key, out object value) => entries.TryGetValue(key, out value!);

    /// <summary>The sub-table at <paramref name="key"/>, created (appended) when missing.</summary>
    public TomlMap Table(string key)
    {
        if (TryGet(key, out var v) && v is TomlMap m)
        {
            return m;
        }

        var t = new TomlMap();
        this[key] = t;
        return t;
    }

    /// <summary>A deep copy with the keys of every table sorted ordinally (how go-toml encodes a Go map).</summary>
    public TomlMap SortedDeep()
    {
        var copy = new TomlMap();
        foreach (var e in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            copy.entries.Add(e.Key, e.Value is TomlMap m ? m.SortedDeep() : e.Value);
        }

        return copy;
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
