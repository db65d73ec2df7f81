namespace ClusterRegistry.Registries;

/// <summary>
/// A project that exists on an external Harbor (<see cref="ExternalRegistryKind.Harbor"/>). It is described, not managed:
/// the rules use it to judge mirrors into <c>/v2/&lt;project&gt;</c> and node auth, nothing is rendered for it.
/// </summary>
public sealed class ExternalRegistryProject
{
    /// <summary>The project's name in Harbor.</summary>
    public string Name { get; set; } = "";

    /// <summary>Public projects allow anonymous pulls. Harbor's default is private.</summary>
    public bool Public { get; set; }

    /// <summary>The registry host the project proxies (<c>docker.io</c>, <c>ghcr.io</c>, …) when it is a proxy-cache project; null otherwise.</summary>
    public string? ProxyCacheUpstream { get; set; }
}
