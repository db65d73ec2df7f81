namespace ClusterRegistry.Harbor;

/// <summary>
/// Makes a <see cref="HarborProject"/> a proxy cache of an upstream registry: Harbor pulls what clients ask for from the
/// upstream and keeps it. Rendered as a <c>harbor:index/registry:Registry</c> endpoint plus the project's
/// <c>registryId</c>. Nodes reach it through a Talos mirror for <see cref="Upstream"/> whose endpoint is
/// <c>https://&lt;harbor&gt;/v2/&lt;project&gt;</c> with <see cref="Talos.TalosMirror.OverridePath"/> = true.
/// </summary>
public sealed class HarborProxyCacheArgs
{
    /// <summary>The registry host the project proxies, as it appears in image references: <c>docker.io</c>, <c>ghcr.io</c>, <c>quay.io</c>, <c>registry.k8s.io</c>, ….</summary>
    public string Upstream { get; set; } = "";

    /// <summary>
    /// The Harbor registry endpoint URL (<c>endpointUrl</c>). Null derives it from <see cref="Upstream"/>:
    /// <c>https://hub.docker.com</c> for Docker Hub (Harbor's docker-hub adapter), <c>https://&lt;upstream&gt;</c> otherwise.
    /// </summary>
    public string? EndpointUrl { get; set; }

    /// <summary>
    /// Harbor's adapter for the upstream (<c>providerName</c>): <c>docker-hub</c>, <c>github-ghcr</c>, <c>quay</c>,
    /// <c>docker-registry</c>, …. Null derives it from <see cref="Upstream"/> (<c>docker-registry</c> for any other host).
    /// </summary>
    public string? ProviderName { get; set; }

    /// <summary>Login at the upstream (<c>accessId</c>), e.g. to lift Docker Hub's anonymous rate limit.</summary>
    public string? AccessId { get; set; }

    /// <summary>Secret for <see cref="AccessId"/> (<c>accessSecret</c>); never rendered in clear.</summary>
    public Secret? AccessSecret { get; set; }

    /// <summary>The endpoint URL Harbor is given: <see cref="EndpointUrl"/> or the one derived from <see cref="Upstream"/>.</summary>
    public string EffectiveEndpointUrl => EndpointUrl ?? (IsDockerHub(Upstream) ? "https://hub.docker.com" : "https://" + Upstream);

    /// <summary>The provider Harbor is given: <see cref="ProviderName"/> or the one derived from <see cref="Upstream"/>.</summary>
    public string EffectiveProviderName => ProviderName ?? (IsDockerHub(Upstream) ? "docker-hub" : Upstream switch
    {
        "ghcr.io" => "github-ghcr",
        "quay.io" => "quay",
        _ => "docker-registry",
    });

    private static bool IsDockerHub(string host) => host is "docker.io" or "registry-1.docker.io" or "index.docker.io";
}
