using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Yaml;

/// <summary>
/// talhelper's <c>${VAR}</c> values: <c>talenv.yaml</c> (and <c>talenv.sops.yaml</c>, whose values are known to exist but
/// never decrypted), then the process environment when allowed.
/// </summary>
public sealed class VariableSet
{
    private readonly Dictionary<string, Val<string>> values = new(StringComparer.Ordinal);
    private readonly Func<string, string?>? environment;

    public VariableSet(Func<string, string?>? environment) => this.environment = environment;

    public bool UsesEnvironment => environment is not null;

    /// <summary>Adds a variable from a talenv file (an encrypted value is added as unknown).</summary>
    public void Set(string name, Val<string> value) => values[name] = value;

    /// <summary>The value: known, unknown (encrypted), or null when not defined anywhere.</summary>
    public Val<string>? Get(string name)
    {
        if (values.TryGetValue(name, out var v))
        {
            return v;
        }

        return environment?.Invoke(name) is { } env ? Val<string>.Known(env) : (Val<string>?)null;
    }
}
