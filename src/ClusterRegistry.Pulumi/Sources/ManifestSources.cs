namespace ClusterRegistry.Pulumi.Sources;

/// <summary>The manifest source the emitter uses unless told otherwise.</summary>
public static class ManifestSources
{
    /// <summary>The documents come from here; point it at the GitOps renderers' adapter once they are merged.</summary>
    public static IManifestSource Default { get; } = new InterimManifestSource();
}
