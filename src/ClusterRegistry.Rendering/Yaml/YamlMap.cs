using System.Collections;

namespace ClusterRegistry.Rendering.Yaml;

/// <summary>
/// An insertion-ordered YAML mapping (an <see cref="OrderedDictionary{TKey, TValue}"/>) for emitting documents with a fixed key order. Values: <see cref="string"/>,
/// <see cref="bool"/>, integers, <see cref="YamlMap"/>, or <see cref="IEnumerable{T}"/> of values (sequences).
/// Null values are skipped, so optional fields can be written inline.
/// </summary>
public sealed class YamlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly OrderedDictionary<string, object> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>Sets <paramref name="key"/> (replacing an existing entry in place); null removes nothing and adds nothing.</summary>
    public object? this[string key]
    {
        get => entries.GetValueOrDefault(key);
        set
        {
            if (value is not null)
            {
                entries[key] = value;
            }
        }
    }

    /// <summary>Collection-initialiser support: <c>new YamlMap { { "a", 1 } }</c>.</summary>
    public void Add(string key, object? value) => this[key] = value;

    /// <summary>The sub-map at <paramref name="key"/>, created when missing.</summary>
    public YamlMap Map(string key)
    {
        if (this[key] is YamlMap m)
        {
            return m;
        }

        var created = new YamlMap();
        this[key] = created;
        return created;
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
