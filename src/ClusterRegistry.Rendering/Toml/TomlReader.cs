using Tomlyn;
using Tomlyn.Model;

namespace ClusterRegistry.Rendering.Toml;

/// <summary>Reads TOML text (with Tomlyn) into an insertion-ordered <see cref="TomlMap"/>.</summary>
public static class TomlReader
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with Tomlyn's message when it is not TOML.</summary>
    public static TomlMap Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw new FormatException(e.Message, e);
        }

        return Convert(table);
    }

    private static TomlMap Convert(TomlTable table)
    {
        var map = new TomlMap();
        foreach (var (key, value) in table)
        {
            map[key] = ConvertValue(value);
        }

        return map;
    }

    private static object ConvertValue(object? value) => value switch
    {
        TomlTable t => Convert(t),
        TomlTableArray ta => ta.Select(t => (object)Convert(t)).ToList(),
        TomlArray a => a.Select(ConvertValue).ToList(),
        string or bool or long or double => value,
        int i => (long)i,
        null => throw new FormatException("TOML null value"),
        _ => value.ToString() ?? "",
    };
}
