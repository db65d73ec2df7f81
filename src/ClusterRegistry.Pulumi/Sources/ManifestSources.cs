namespace ClusterRegistry.Pulumi.Sources;

/// <summary>The manifest source the emitter uses unless told otherwise.</summary>
public static class ManifestSources
{
    /// <summary>The GitOps renderers' documents, so synth and the Pulumi program deploy the same thing.</summary>
    public static IManifestSource Default { get; } = new RenderedManifestSource();
}
