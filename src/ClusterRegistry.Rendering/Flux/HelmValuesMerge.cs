using ClusterRegistry.Rendering.Yaml;

namespace ClusterRegistry.Rendering.Flux;

/// <summary>
/// Deep-merges a <see cref="HelmValues"/> tree over generated chart values, the way Helm merges a values file over the
/// chart's defaults: maps merge key by key, anything else (scalars, lists) replaces. Keys are taken literally (dots are
/// part of the key). A null value is skipped (the generated value stays).
/// </summary>
public static class HelmValuesMerge
{
    /// <summary>Merges <paramref name="values"/> into <paramref name="target"/> in place.</summary>
    public static void Into(YamlMap target, HelmValues values)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (value is HelmValues nested)
            {
                Into(target.Map(key), nested);
            }
            else
            {
                target[key] = Convert(value);
            }
        }
    }

    private static object? Convert(object? value) => value switch
    {
        null => null,
        HelmValues map => ToMap(map),
        string or bool or int or long or double => value,
        float f => (double)f,
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Convert).ToList(),
        _ => throw new StackDefinitionException("HelmValues", "Values", value.GetType().Name,
            "chart values hold strings, booleans, numbers, lists and nested HelmValues only"),
    };

    private static YamlMap ToMap(HelmValues values)
    {
        var map = new YamlMap();
        Into(map, values);
        return map;
    }
}
