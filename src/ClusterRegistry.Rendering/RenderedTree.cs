using System.Collections;

namespace ClusterRegistry.Rendering;

/// <summary>
/// A rendered file tree: relative paths (forward slashes, no leading slash) to UTF-8 text, enumerated in ordinal path
/// order so that writing, hashing and diffing it are deterministic.
/// </summary>
public sealed class RenderedTree : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    // Paths in ordinal order, built on first enumeration after a change (cheaper than keeping a sorted tree of
    // hundreds of thousands of node files up to date on every insert).
    private string[]? sorted;

    /// <summary>Adds a file; throws when the path is invalid or already present (two renderers claiming one file is a bug).</summary>
    public void Add(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var p = NormalizePath(path);
        if (!files.TryAdd(p, content))
        {
            throw new InvalidOperationException($"rendered tree already contains '{p}'");
        }

        sorted = null;
    }

    /// <summary>Adds or replaces a file.</summary>
    public void Set(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var p = NormalizePath(path);
        if (!files.ContainsKey(p))
        {
            sorted = null;
        }

        files[p] = content;
    }

    /// <summary>Adds every file of <paramref name="other"/> under <paramref name="prefix"/> (e.g. a node IP).</summary>
    public void AddAll(RenderedTree other, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(prefix);
        var trimmed = prefix.TrimEnd('/');
        var p = trimmed.Length == 0 ? "" : NormalizePath(trimmed) + "/";
        sorted = null;
        foreach (var (path, content) in other.files)
        {
            // Paths of a tree are already normalised; only the prefix needed checking.
            var full = p + path;
            if (!files.TryAdd(full, content))
            {
                throw new InvalidOperationException($"rendered tree already contains '{full}'");
            }
        }
    }

    public string this[string key] => files[key];

    public IEnumerable<string> Keys => Array.AsReadOnly(Sorted());

    public IEnumerable<string> Values => Sorted().Select(k => files[k]);

    public int Count => files.Count;

    public bool ContainsKey(string key) => files.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) =>
        files.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var key in Sorted())
        {
            yield return new KeyValuePair<string, string>(key, files[key]);
        }
    }

    private string[] Sorted()
    {
        if (sorted is null)
        {
            var keys = files.Keys.ToArray();
            Array.Sort(keys, StringComparer.Ordinal);
            sorted = keys;
        }

        return sorted;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string NormalizePath(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("a rendered file needs a path", nameof(path));
        }

        var p = path.Contains('\\') ? path.Replace('\\', '/') : path;
        if (p[0] == '/' || !SegmentsAreValid(p))
        {
            throw new ArgumentException($"rendered path '{path}' must be relative, without empty, '.' or '..' segments", nameof(path));
        }

        return p;
    }

    private static bool SegmentsAreValid(string p)
    {
        var start = 0;
        while (start <= p.Length)
        {
            var end = p.IndexOf('/', start);
            if (end < 0)
            {
                end = p.Length;
            }

            var segment = p.AsSpan(start, end - start);
            if (segment.IsEmpty || segment is "." or "..")
            {
                return false;
            }

            start = end + 1;
        }

        return true;
    }
}
