namespace ClusterRegistry.Rendering.Talos;

/// <summary>Options of <see cref="TalosPatchRenderer"/>.</summary>
public sealed class TalosPatchOptions
{
    /// <summary>
    /// Text written for a secret. Default: the <c>${VAR}</c> placeholder (GitOps: talhelper/talenv substitutes it).
    /// The Pulumi/apply path passes a resolver so the patch handed to Talos carries real values.
    /// </summary>
    public Func<Secret, string>? SecretText { get; init; }

    /// <summary>
    /// Write usernames that have a variable (<see cref="ClusterRegistry.Talos.TalosRegistryAuth.UsernameVariable"/>) as
    /// <c>${VAR}</c>. Default true: robot names contain <c>$</c> (<c>robot$cluster-pull</c>), which talhelper's envsubst would
    /// expand, so the seed keeps them in talenv. Set false when the text goes straight to Talos.
    /// </summary>
    public bool UsernamesThroughVariables { get; init; } = true;
}
