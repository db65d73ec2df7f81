namespace ClusterRegistry.Harbor;

/// <summary>How the Harbor chart exposes its nginx Service (<c>expose.type</c>).</summary>
public enum HarborExpose
{
    LoadBalancer,
    ClusterIP,
    NodePort,
    Ingress,
}
