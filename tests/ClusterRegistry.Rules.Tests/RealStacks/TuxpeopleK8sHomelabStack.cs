using ClusterRegistry;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.RealStacks;

/// <summary>
/// Transcribed from https://github.com/tuxpeople/k8s-homelab at commit 3a0537e71fe13b07d81f468efad086dc150f1219 (2026-08-22):
/// talos/talenv.yaml (Talos v1.13.8), talos/talconfig.yaml (node IPs), talos/patches/global/machine-files.yaml and
/// machine-registries.yaml (Docker Hub credentials from talenv variables), kubernetes/apps/kube-system/spegel/app/helmrelease.yaml
/// (chart 0.7.4 from an OCI HelmRepository, resources in the values).
/// </summary>
/// <remarks>
/// Expected findings: none, argued from upstream facts.
/// <list type="bullet">
/// <item>CRG101: the only Talos registry setting is auth for docker.io, which Talos writes into cri.toml
/// (registry.configs.'registry-1.docker.io'.auth, siderolabs/talos internal/pkg/containers/cri/containerd testdata/cri.toml),
/// not into /etc/cri/conf.d/hosts; Spegel's backup of the hosts directory leaves it alone, so its default _default mirror
/// costs nothing here.</item>
/// <item>CRG209: the password is a variable (${DOCKER_PASSWORD}, talhelper envsubst), not a literal.</item>
/// <item>CRG106/CRG105: discard_unpacked_layers = false in the 20-customization.part; containerdRegistryConfigPath is
/// /etc/cri/conf.d/hosts (siderolabs/docs spegel.mdx).</item>
/// <item>CRG111: resources is a key of every released chart.</item>
/// </list>
/// </remarks>
public sealed class TuxpeopleK8sHomelabStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "";

    public TuxpeopleK8sHomelabStack() : base("real-tuxpeople-k8s-homelab")
    {
        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = "0.7.4",
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            ContainerdSock = "/run/containerd/containerd.sock",
            RegistryHostPort = 29999,
            ServiceMonitor = true,
            GrafanaDashboard = true,
            Values =
            {
                ["resources"] = new HelmValues
                {
                    ["requests"] = new HelmValues { ["cpu"] = "15m", ["memory"] = "100Mi" },
                    ["limits"] = new HelmValues { ["cpu"] = "18m", ["memory"] = "120Mi" },
                },
            },
        });

        new TalosMachinePatch("global", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.13.8",
            RegistryConfigForm = TalosConfigForm.Legacy,
            Nodes = { "192.168.13.11", "192.168.13.12", "192.168.13.13", "192.168.13.14" },
            RegistryConfig =
            {
                ["docker.io"] = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth { UsernameVariable = "DOCKER_USERNAME", Password = Secret.FromEnvironment("DOCKER_PASSWORD") },
                },
            },
            Files =
            {
                new TalosFile
                {
                    Path = TalosFile.CriCustomizationPath,
                    Op = TalosFileOp.Create,
                    Permissions = 0b110_100_100,
                    Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false",
                },
            },
        });
    }
}
