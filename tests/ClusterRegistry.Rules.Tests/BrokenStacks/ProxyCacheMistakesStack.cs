using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.BrokenStacks;

/// <summary>
/// Harbor proxy caches behind a Gateway with the four mistakes the overridePath form invites: a /v2/ project path without
/// OverridePath (CRG214), a bare upstream next to a project endpoint under OverridePath (CRG213), a mirror into a project
/// that proxies another registry (CRG307), and a private proxy project without node auth (CRG308).
/// </summary>
public sealed class ProxyCacheMistakesStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "CRG213,CRG214,CRG307,CRG308";

    public ProxyCacheMistakesStack() : base("broken-proxycachemistakes")
    {
        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            ChartVersion = "1.19.1",
            Expose = HarborExpose.Route,
            Tls = false,
            ExternalUrl = "https://registry.example.com",
            PinClusterIP = false,
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
        });

        new HarborProject("proxy-dockerhub", new HarborProjectArgs
        {
            Registry = harbor,
            Public = true,
            ProxyCache = new HarborProxyCacheArgs { Upstream = "docker.io" },
        });
        new HarborProject("proxy-ghcr", new HarborProjectArgs
        {
            Registry = harbor,
            Public = true,
            ProxyCache = new HarborProxyCacheArgs { Upstream = "ghcr.io" },
        });
        new HarborProject("proxy-quay", new HarborProjectArgs
        {
            Registry = harbor,
            ProxyCache = new HarborProxyCacheArgs { Upstream = "quay.io" },
        });
        new HarborProject("proxy-k8s", new HarborProjectArgs
        {
            Registry = harbor,
            Public = true,
            ProxyCache = new HarborProxyCacheArgs { Upstream = "registry.k8s.io" },
        });

        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = "0.7.4",
            MirroredRegistries = { "https://docker.io", "https://ghcr.io", "https://quay.io", "https://registry.k8s.io" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
        });

        new TalosMachinePatch("registries", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.12",
            Nodes = { "192.168.1.98" },
            Mirrors =
            {
                ["docker.io"] = new TalosMirror
                {
                    Endpoints = { "https://registry.example.com/v2/proxy-dockerhub", "https://registry-1.docker.io" },
                    OverridePath = true,
                },
                ["ghcr.io"] = new TalosMirror { Endpoints = { "https://registry.example.com/v2/proxy-ghcr" } },
                ["quay.io"] = new TalosMirror { Endpoints = { "https://registry.example.com/v2/proxy-quay" }, OverridePath = true },
                ["registry.k8s.io"] = new TalosMirror { Endpoints = { "https://registry.example.com/v2/proxy-dockerhub" }, OverridePath = true },
            },
            CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
        });
    }
}
