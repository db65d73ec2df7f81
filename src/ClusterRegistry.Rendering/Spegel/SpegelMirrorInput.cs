namespace ClusterRegistry.Rendering.Spegel;

/// <summary>The arguments of Spegel's <c>AddMirrorConfiguration</c> (the chart's <c>configuration</c> init container).</summary>
public sealed class SpegelMirrorInput
{
    /// <summary><c>spegel.mirroredRegistries</c>: URLs, or <c>_default</c>/<c>*</c>; empty means <c>_default</c>.</summary>
    public IReadOnlyList<string> MirroredRegistries { get; init; } = Array.Empty<string>();

    /// <summary>Spegel's own targets (per node) followed by <c>additionalMirrorTargets</c>.</summary>
    public IReadOnlyList<string> MirrorTargets { get; init; } = Array.Empty<string>();

    public bool ResolveTags { get; init; } = true;

    public bool PrependExisting { get; init; }

    /// <summary>Basic auth protecting Spegel's own registry (<c>basicAuthSecretName</c>); null for none.</summary>
    public (string Username, string Password)? BasicAuth { get; init; }
}
