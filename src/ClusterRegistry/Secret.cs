namespace ClusterRegistry;

/// <summary>Where a secret's value comes from.</summary>
public enum SecretSource
{
    /// <summary>An environment variable of the machine that deploys (or of the talenv/sops file in GitOps).</summary>
    Environment,

    /// <summary>An output of another resource, such as a Harbor robot account's generated secret.</summary>
    ResourceOutput,

    /// <summary>A value written in source code. Allowed only through <see cref="Secret.FromPlaintextUnsafe"/>; CRG209 flags it.</summary>
    Plaintext,
}

/// <summary>
/// A secret value. It is never a string: renderers write <see cref="Placeholder"/> (<c>${VAR}</c>) and only the code that
/// applies configuration to a machine resolves it. <see cref="ToString"/> never reveals the value.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    private readonly string? plaintext;

    private Secret(SecretSource source, string variable, Resource? owner, string? output, string? plaintext)
    {
        if (string.IsNullOrEmpty(variable) || !IsVariableName(variable))
        {
            throw new StackDefinitionException("Secret", "variable", variable ?? "",
                "a secret variable name must match [A-Za-z_][A-Za-z0-9_]*");
        }

        Source = source;
        Variable = variable;
        Owner = owner;
        Output = output;
        this.plaintext = plaintext;
    }

    /// <summary>A secret read from the environment variable <paramref name="variable"/> when the configuration is applied.</summary>
    public static Secret FromEnvironment(string variable) => new(SecretSource.Environment, variable, null, null, null);

    /// <summary>A secret produced by a resource (e.g. a robot account's secret); <paramref name="variable"/> names it in rendered files.</summary>
    public static Secret FromOutput(Resource owner, string output, string variable)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new(SecretSource.ResourceOutput, variable, owner, output, null);
    }

    /// <summary>A secret written in source code. Says so in its name; CRG209 reports every use with a literal.</summary>
    public static Secret FromPlaintextUnsafe(string variable, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(SecretSource.Plaintext, variable, null, null, value);
    }

    public SecretSource Source { get; }

    /// <summary>The variable name used for the <c>${VAR}</c> placeholder, e.g. <c>HARBOR_ROBOT_PASSWORD</c>.</summary>
    public string Variable { get; }

    /// <summary>The producing resource, for <see cref="SecretSource.ResourceOutput"/>.</summary>
    public Resource? Owner { get; }

    /// <summary>The output name on <see cref="Owner"/>, e.g. <c>secret</c>.</summary>
    public string? Output { get; }

    /// <summary>The placeholder written into rendered files: <c>${VAR}</c>.</summary>
    public string Placeholder => "${" + Variable + "}";

    /// <summary>
    /// Resolves the value at apply time. <paramref name="lookup"/> maps a variable name to its value (defaults to the
    /// process environment). Returns null when the value is not available.
    /// </summary>
    public string? Resolve(Func<string, string?>? lookup = null)
    {
        if (Source == SecretSource.Plaintext)
        {
            return plaintext;
        }

        lookup ??= System.Environment.GetEnvironmentVariable;
        return lookup(Variable);
    }

    public override string ToString() => Source switch
    {
        SecretSource.ResourceOutput => $"[secret {Variable} from {Owner}.{Output}]",
        _ => $"[secret {Variable}]",
    };

    public bool Equals(Secret? other) =>
        other is not null && Source == other.Source && Variable == other.Variable &&
        ReferenceEquals(Owner, other.Owner) && Output == other.Output && plaintext == other.plaintext;

    public override bool Equals(object? obj) => obj is Secret s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(Source, Variable, Output);

    private static bool IsVariableName(string s)
    {
        if (!(char.IsAsciiLetter(s[0]) || s[0] == '_'))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
