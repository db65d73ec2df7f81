namespace ClusterRegistry.Probe;

/// <summary>Which path a probe pulls through.</summary>
public enum ProbeVia
{
    /// <summary>Straight to the registry over the OCI distribution API (this process is the client).</summary>
    Registry,

    /// <summary>Through the node's container runtime over CRI, as kubelet does (hosts.toml mirrors, cri.toml auth).</summary>
    Cri,

    /// <summary>A Job per node; kubelet's <c>Pulled</c> event is the measurement.</summary>
    Kubernetes,
}

/// <summary>Text forms of <see cref="ProbeVia"/>.</summary>
public static class ProbeViaText
{
    public static string ToText(this ProbeVia via) => via switch
    {
        ProbeVia.Registry => "registry",
        ProbeVia.Cri => "cri",
        _ => "kubernetes",
    };

    public static bool TryParse(string? text, out ProbeVia via)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "registry" or "oci":
                via = ProbeVia.Registry;
                return true;
            case "cri":
                via = ProbeVia.Cri;
                return true;
            case "kubernetes" or "k8s":
                via = ProbeVia.Kubernetes;
                return true;
            default:
                via = ProbeVia.Registry;
                return false;
        }
    }
}
