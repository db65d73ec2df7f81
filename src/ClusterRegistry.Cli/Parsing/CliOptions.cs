using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ClusterRegistry.Cli.Parsing;

/// <summary>
/// The typed options the verbs share. Every value is checked here, while System.CommandLine parses (custom parsers and
/// validators), so a bad value is refused before a verb does any work, and every refusal is one line naming the option
/// and the value (<see cref="ParseErrorLine"/>, exit 2). Option names are the ones the CLI always had.
/// </summary>
public static class CliOptions
{
    /// <summary><c>--stack NAME</c>; completes the stacks of this program.</summary>
    public static Option<string> Stack(StackCatalog catalog, string description = "the stack to use (default: $PULUMI_STACK)")
    {
        var option = new Option<string>("--stack") { Description = description, HelpName = "NAME" };
        option.CompletionSources.Add(_ => catalog.Names.Select(n => new System.CommandLine.Completions.CompletionItem(n)));
        return option;
    }

    /// <summary>A string option whose value must be one of <paramref name="values"/>; the first is the default.</summary>
    public static Option<string> Choice(string name, string description, params string[] values) => Choice(name, description, values, []);

    /// <summary>As <see cref="Choice(string, string, string[])"/>, also accepting the older spellings <paramref name="alsoAccepted"/> (not shown in help).</summary>
    public static Option<string> Choice(string name, string description, string[] values, string[] alsoAccepted)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description}: {string.Join(", ", values)}",
            HelpName = string.Join('|', values),
            DefaultValueFactory = _ => values[0],
        };
        option.CompletionSources.Add(values);
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !values.Concat(alsoAccepted).Contains(r.Tokens[^1].Value, StringComparer.Ordinal))
            {
                r.AddError($"{name} '{r.Tokens[^1].Value}' is not one of {string.Join(", ", values)}");
            }
        });
        return option;
    }

    /// <summary>An option that takes no value (<c>--json</c>).</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A free text option (<c>--node IP</c>).</summary>
    public static Option<string> Text(string name, string helpName, string description, bool required = false) =>
        new(name) { Description = description, HelpName = helpName, Required = required };

    /// <summary>
    /// <c>--out FILE</c> of a verb that writes one file: refuses an empty value and (unless <paramref name="folderAllowed"/>)
    /// an existing folder, before any work (<see cref="OutFileOption.Problem"/>).
    /// </summary>
    public static Option<string> OutFile(string description, bool required = false, bool folderAllowed = false, string name = "--out")
    {
        var option = new Option<string>(name) { Description = description, HelpName = "FILE", Required = required };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && OutFileOption.Problem(name.TrimStart('-'), r.Tokens[^1].Value, folderAllowed) is { } problem)
            {
                r.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>An option naming a folder that must exist.</summary>
    public static Option<string> ExistingDirectory(string name, string description, bool required = false)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "DIR", Required = required };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !Directory.Exists(r.Tokens[^1].Value))
            {
                r.AddError($"{name} '{r.Tokens[^1].Value}' is not a directory");
            }
        });
        return option;
    }

    /// <summary>A positive whole number (<c>--limit N</c>).</summary>
    public static Option<int?> PositiveInteger(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }

            r.AddError($"{name} '{text}' is not a positive integer");
            return null;
        },
    };

    /// <summary>The longest a .NET timer can wait (int.MaxValue ms, about 24.8 days).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    /// <summary>A positive duration such as <c>500ms</c>, <c>1s</c>, <c>2m</c> (<see cref="ClusterRegistry.Probe.Budget.DurationText"/>), at most what a timer can wait.</summary>
    public static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            if (!ClusterRegistry.Probe.Budget.DurationText.TryParse(text, out var d) || d <= TimeSpan.Zero)
            {
                r.AddError($"{name} '{text}' is not a positive duration (e.g. 500ms, 1s, 2m)");
                return null;
            }

            if (d > LongestTimer)
            {
                r.AddError($"{name} '{text}' is longer than a timer can wait; give at most 24d (e.g. 2m, 1h)");
                return null;
            }

            return d;
        },
    };

    /// <summary>Adds a check to <paramref name="option"/> (runs only when the option is given).</summary>
    public static Option<T> Check<T>(this Option<T> option, Func<string, string?> problem)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && problem(r.Tokens[^1].Value) is { } p)
            {
                r.AddError(p);
            }
        });
        return option;
    }

    /// <summary>Whether the user gave <paramref name="option"/> (not just its default).</summary>
    public static bool IsGiven(this ParseResult result, Option option) => result.GetResult(option) is OptionResult { Implicit: false };
}
