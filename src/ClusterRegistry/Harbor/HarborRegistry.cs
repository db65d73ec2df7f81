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

    /// <summary><c>http</c> or <c>https</c>, from <see cref="HarborArgs.Tls"/>.</summary>
    public string Scheme => Args.Tls ? "https" : "http";

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
