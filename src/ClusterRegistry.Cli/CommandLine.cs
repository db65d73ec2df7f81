namespace ClusterRegistry.Cli;

/// <summary>
/// The parsed arguments of one verb: <c>--name value</c>, <c>--name=value</c>, bare <c>--flag</c> and positionals.
/// Options may repeat (<see cref="All"/>).
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags;

    /// <param name="args">The arguments after the verb.</param>
    /// <param name="flagNames">Options that take no value (e.g. <c>json</c>).</param>
    public CommandLine(IReadOnlyList<string> args, params string[] flagNames)
    {
        flags = new HashSet<string>(flagNames, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var name = a[2..];
                string value;
                var eq = name.IndexOf('=');
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (flags.Contains(name))
                {
                    value = "true";
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"option --{name} needs a value");
                }

                if (!options.TryGetValue(name, out var list))
                {
                    options[name] = list = new List<string>();
                }

                list.Add(value);
            }
            else
            {
                Positionals.Add(a);
            }
        }
    }

    public List<string> Positionals { get; } = new();

    public string? Get(string name) => options.TryGetValue(name, out var l) ? l[^1] : null;

    public string Require(string name) => Get(name) ?? throw new UsageException($"missing required option --{name}");

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var l) ? l : Array.Empty<string>();

    public bool Has(string name) => options.ContainsKey(name);

    public bool Flag(string name) => Get(name) is { } v && v != "false";

    /// <summary>Rejects options the verb does not know, so typos fail loudly.</summary>
    public void AllowOnly(params string[] names)
    {
        var known = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var k in options.Keys)
        {
            if (!known.Contains(k))
            {
                throw new UsageException($"unknown option --{k}; expected one of: {string.Join(", ", names.Select(n => "--" + n))}");
            }
        }
    }
}

/// <summary>Wrong command-line usage; exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
