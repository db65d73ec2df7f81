namespace ClusterRegistry.Talos;

/// <summary>One mirror (<c>machine.registries.mirrors.&lt;registry&gt;</c> or a <c>RegistryMirrorConfig</c> document).</summary>
public sealed class TalosMirror
{
    /// <summary>Endpoint URLs, tried in order; the path defaults to <c>/v2</c> unless <see cref="OverridePath"/>.</summary>
    public List<string> Endpoints { get; } = new();

    /// <summary>Use each endpoint's path as is (no <c>/v2</c> appended), e.g. Harbor proxy-cache projects.</summary>
    public bool? OverridePath { get; set; }

    /// <summary>Do not fall back to the upstream registry; the last endpoint becomes the <c>server</c>.</summary>
    public bool? SkipFallback { get; set; }
}
