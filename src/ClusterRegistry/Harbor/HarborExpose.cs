namespace ClusterRegistry.Harbor;

/// <summary>How the Harbor chart exposes Harbor to clients (<c>expose.type</c> of goharbor/harbor-helm).</summary>
public enum HarborExpose
{
    /// <summary><c>loadBalancer</c>: the chart's nginx Service of type LoadBalancer; it serves TLS when <see cref="HarborArgs.Tls"/> is on.</summary>
    LoadBalancer,

    /// <summary><c>clusterIP</c>: the chart's nginx Service of type ClusterIP.</summary>
    ClusterIP,

    /// <summary><c>nodePort</c>: the chart's nginx Service of type NodePort.</summary>
    NodePort,

    /// <summary>
    /// <c>ingress</c>: an Ingress in front of harbor-core/portal; the ingress controller terminates TLS, so the scheme clients
    /// use is the one of <see cref="HarborArgs.ExternalUrl"/>, whatever <see cref="HarborArgs.Tls"/> says.
    /// </summary>
    Ingress,

    /// <summary>
    /// <c>route</c>: a Gateway API HTTPRoute attached to <see cref="HarborArgs.RouteParents"/>; the Gateway terminates TLS, so
    /// clients use the scheme of <see cref="HarborArgs.ExternalUrl"/> while the chart often runs with <c>Tls = false</c>.
    /// </summary>
    Route,
}
