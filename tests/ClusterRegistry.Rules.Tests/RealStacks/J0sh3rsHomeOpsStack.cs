using ClusterRegistry;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.RealStacks;

/// <summary>
/// Transcribed from https://github.com/j0sh3rs/home-ops at commit 6a9419ec4e81c8284c6bf51e3f4c88a4020bb9ce (2026-08-22):
/// talos/talenv.yaml (Talos v1.13.9), talos/talconfig.yaml (node IPs), talos/patches/global/machine-files.yaml and
/// machine-registries.yaml, kubernetes/apps/kube-system/spegel/app/{ocirepository.yaml, helm/values.yaml}. Pull-through
/// caches outside the cluster (one registry:3 proxy per upstream on a NAS, behind Traefik with HTTPS), Spegel 0.7.4 with its
/// default (empty) mirroredRegistries.
/// </summary>
/// <remarks>
/// Expected findings, argued from upstream facts:
/// <list type="bullet">
/// <item>CRG101: with an empty mirroredRegistries Spegel's init container moves every directory under
/// /etc/cri/conf.d/hosts to _backup and writes only _default/hosts.toml (spegel-org/spegel pkg/oci/containerd/mirror.go;
/// chart README "Empty means all registries will be mirrored"); containerd then finds no docker.io/ directory and uses
/// _default (containerd docs/hosts.md), so the four NAS mirrors the Talos patch declares stop applying.</item>
/// <item>CRG106: the CRI customization sets discard_unpacked_layers = true, which is Talos's own default since v1.8
/// (siderolabs/talos hack/cri-plugin.part); Spegel then cannot serve layers and every pull goes upstream, and Spegel ≥ 0.7
/// no longer checks this at start-up (spegel-org/spegel PR #1168).</item>
/// </list>
/// Not findings: the mirror endpoints are bare https hosts without overridePath, which is what a registry:3 proxy serves
/// (/v2 appended by containerd); the mirrors keep the implicit upstream fallback (no skipFallback).
/// </remarks>
public sealed class J0sh3rsHomeOpsStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "CRG101,CRG106";

    public J0sh3rsHomeOpsStack() : base("real-j0sh3rs-home-ops")
    {
        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = "0.7.4",
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            ContainerdSock = "/run/containerd/containerd.sock",
            RegistryHostPort = 29999,
            ServiceMonitor = true,
        });

        new TalosMachinePatch("global", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.13.9",
            RegistryConfigForm = TalosConfigForm.Legacy,
            Nodes = { "192.168.35.6", "192.168.35.3", "192.168.35.10", "192.168.35.4" },
            Mirrors =
            {
                ["docker.io"] = new TalosMirror { Endpoints = { "https://mirror-docker.68cc.io" } },
                ["ghcr.io"] = new TalosMirror { Endpoints = { "https://mirror-ghcr.68cc.io" } },
                ["quay.io"] = new TalosMirror { Endpoints = { "https://mirror-quay.68cc.io" } },
                ["registry.k8s.io"] = new TalosMirror { Endpoints = { "https://mirror-k8s.68cc.io" } },
            },
            Files =
            {
                new TalosFile
                {
                    Path = TalosFile.CriCustomizationPath,
                    Op = TalosFileOp.Create,
                    Permissions = 0b110_100_100,
                    Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = true\n[metrics]\n  address = \"0.0.0.0:11234\"",
                },
            },
        });
    }
}
