namespace ClusterRegistry.Rendering.NodeView;

/// <summary>Options of <see cref="NodeViewRenderer"/>.</summary>
public sealed class NodeViewOptions
{
    /// <summary>
    /// Text written for a secret. Default: its <c>${VAR}</c> placeholder (previews, synth, doctor). Only code that
    /// applies the view to a real machine (the local sandbox) resolves values.
    /// </summary>
    public Func<Secret, string>? SecretText { get; init; }

    /// <summary>Node hostnames (FQDN, optionally followed by a space and the short name) for the <c>/etc/hosts</c> node line.</summary>
    public IReadOnlyDictionary<string, string>? Hostnames { get; init; }
}
