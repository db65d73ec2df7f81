using System.Runtime.CompilerServices;

namespace ClusterRegistry.Spegel;

/// <summary>The Spegel P2P mirror, installed as a Helm release (Flux HelmRelease or direct Helm).</summary>
public sealed class SpegelRelease : Resource
{
    public SpegelRelease(string name, SpegelArgs args, [CallerFilePath] string sourceFile = "", [CallerLineNumber] int sourceLine = 0)
        : base(name, sourceFile, sourceLine)
    {
        Args = args ?? throw new StackDefinitionException(name, "args", "null", "SpegelArgs are required");
    }

    public SpegelArgs Args { get; }

    /// <summary>The config path Spegel writes to, taking the chart default into account.</summary>
    public string EffectiveRegistryConfigPath => Args.ContainerdRegistryConfigPath ?? "/etc/containerd/certs.d";

    /// <summary>
    /// Spegel's own mirror targets on a node, in the order the chart passes them to the init container.
    /// Chart 0.7.x (and the 0.x line before it): hostPort then nodePort. Later charts: the nodePort only.
    /// </summary>
    public IReadOnlyList<string> MirrorTargetsFor(string nodeIp)
    {
        var host = nodeIp.Contains(':') ? $"[{nodeIp}]" : nodeIp;
        if (UsesHostPort)
        {
            return new[] { $"http://{host}:{Args.RegistryHostPort}", $"http://{host}:{Args.RegistryNodePort}" };
        }

        return new[] { $"http://{host}:{Args.RegistryHostPort}" };
    }

    /// <summary>Released charts up to 0.7.x expose a hostPort next to the nodePort (spegel-org/spegel
    /// charts/spegel/values.yaml at v0.7.4; removed on main by PR #1313).</summary>
    public bool UsesHostPort
    {
        get
        {
            if (Args.ChartVersion is null || !Version.TryParse(Args.ChartVersion.TrimStart('v').Split('-')[0], out var v))
            {
                return true;
            }

            return v.Major == 0 && v.Minor <= 7;
        }
    }
}
