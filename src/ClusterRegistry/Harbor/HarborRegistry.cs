using System.Runtime.CompilerServices;

namespace ClusterRegistry.Harbor;

/// <summary>A Harbor installation inside the cluster.</summary>
public sealed class HarborRegistry : Resource
{
    public HarborRegistry(string name, HarborArgs args, [CallerFilePath] string sourceFile = "", [CallerLineNumber] int sourceLine = 0)
        : base(name, sourceFile, sourceLine)
    {
        Args = args ?? throw new StackDefinitionException(name, "args", "null", "HarborArgs are required");
    }

    public HarborArgs Args { get; }

    /// <summary><c>http</c> or <c>https</c>: what the chart itself serves, from <see cref="HarborArgs.Tls"/> (<c>expose.tls.enabled</c>).</summary>
    public string Scheme => Args.Tls ? "https" : "http";

    /// <summary>
    /// The scheme clients use: that of <see cref="HarborArgs.ExternalUrl"/> when it is set (TLS may end at an ingress or a
    /// Gateway while the chart's own TLS is off), else <see cref="Scheme"/>.
    /// </summary>
    public string ClientScheme =>
        Args.ExternalUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Scheme : Scheme;

    /// <summary>
    /// The scheme a client reaching this Harbor at <paramref name="host"/> (host[:port]) must use, or null when the model
    /// cannot say: the chart's <see cref="Scheme"/> on the nginx Service (its DNS names, ClusterIP, LoadBalancer IP) for the
    /// Service expose types; <see cref="ClientScheme"/> on the <see cref="HarborArgs.ExternalUrl"/> host.
    /// </summary>
    public string? SchemeForHost(string host)
    {
        var h = host.ToLowerInvariant();
        var servedByChartService = Args.Expose is HarborExpose.LoadBalancer or HarborExpose.ClusterIP or HarborExpose.NodePort;
        var serviceHosts = new[] { ServiceHost, $"{Args.ServiceName}.{Args.Namespace}.svc", $"{Args.ServiceName}.{Args.Namespace}" };
        if (serviceHosts.Contains(h, StringComparer.OrdinalIgnoreCase) || (Args.ClusterIP is { } cip && cip == h) ||
            (Args.Expose == HarborExpose.LoadBalancer && Args.LoadBalancerIP is { } lb && lb == h))
        {
            return servedByChartService ? Scheme : null;
        }

        return RegistryHost is { } rh && string.Equals(rh, h, StringComparison.OrdinalIgnoreCase) ? ClientScheme : null;
    }

    /// <summary>The in-cluster DNS name of the Harbor Service, e.g. <c>harbor.harbor.svc.cluster.local</c>.</summary>
    public string ServiceHost => $"{Args.ServiceName}.{Args.Namespace}.svc.cluster.local";

    /// <summary>The in-cluster endpoint URL, e.g. <c>http://harbor.harbor.svc.cluster.local</c>.</summary>
    public string InternalEndpoint => $"{Scheme}://{ServiceHost}";

    /// <summary>The external URL (explicit, or derived from the LoadBalancer IP).</summary>
    public string? ExternalUrl => Args.ExternalUrl ?? (Args.LoadBalancerIP is { } ip ? $"{Scheme}://{ip}" : null);

    /// <summary>
    /// The registry host that image references use (<c>192.168.1.105</c> in <c>192.168.1.105/library/app:v1</c>):
    /// the host[:port] of <see cref="ExternalUrl"/>.
    /// </summary>
    public string? RegistryHost
    {
        get
        {
            var url = ExternalUrl;
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return Args.LoadBalancerIP;
            }

            return uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        }
    }
}
