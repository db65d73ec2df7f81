using ClusterRegistry;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.RealStacks;

/// <summary>
/// Transcribed from https://github.com/onedr0p/home-ops at commit d9078e4dd52174ad68a4408ca3398f731b2f889e (2026-08-22):
/// talos/cluster.yaml.j2 (installer v1.14.0-rc.1, EtcFileConfig nfsmount.conf, CRICustomizationConfig "containerd") and
/// kubernetes/apps/kube-system/spegel/app/{ocirepository.yaml, helmrelease.yaml}. Spegel 0.7.4 with its default (empty)
/// mirroredRegistries and no Talos registry mirrors at all: Spegel mirrors every registry through _default, as intended.
/// </summary>
/// <remarks>
/// Expected findings: none, argued from upstream facts.
/// <list type="bullet">
/// <item>CRG101: nothing is at stake. Talos writes no hosts directory (no mirrors, no registry TLS), so Spegel's backup of
/// /etc/cri/conf.d/hosts moves nothing, and "Empty means all registries will be mirrored" is the chart's documented default
/// (spegel-org/spegel charts/spegel/README.md).</item>
/// <item>CRG106: the CRICustomizationConfig sets discard_unpacked_layers = false, the document the Talos v1.14 Spegel guide
/// uses (siderolabs/docs kubernetes-guides/advanced-guides/spegel.mdx).</item>
/// <item>CRG210: /etc/nfsmount.conf is an EtcFileConfig document on v1.14, not machine.files (siderolabs/talos v1.14 release
/// notes), which is how synth renders a Files entry under /etc for v1.14.</item>
/// <item>CRG111: grafanaDashboard.mode/grafanaOperator are read by the 0.7.4 chart's templates (charts/spegel/templates).</item>
/// </list>
/// </remarks>
public sealed class Onedr0pHomeOpsStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "";

    public Onedr0pHomeOpsStack() : base("real-onedr0p-home-ops")
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
                ["grafanaDashboard"] = new HelmValues
                {
                    ["mode"] = "GrafanaOperator",
                    ["grafanaOperator"] = new HelmValues { ["matchLabels"] = new HelmValues { ["dashboards"] = "grafana" } },
                },
            },
        });

        new TalosMachinePatch("cluster", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.14.0-rc.1",
            Nodes = { "192.168.42.10", "192.168.42.11", "192.168.42.12" },
            CriCustomizations =
            {
                new TalosCriCustomization
                {
                    Name = "containerd",
                    Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n[plugins.\"io.containerd.cri.v1.runtime\"]\n  device_ownership_from_security_context = true\n",
                },
            },
            Files =
            {
                new TalosFile
                {
                    Path = "/etc/nfsmount.conf",
                    Op = TalosFileOp.Overwrite,
                    Permissions = 0b110_100_100,
                    Content = "[ NFSMount_Global_Options ]\nnfsvers=4.2\nhard=True\nnconnect=8\nnoatime=True\nrsize=1048576\nwsize=1048576\n",
                },
            },
        });
    }
}
