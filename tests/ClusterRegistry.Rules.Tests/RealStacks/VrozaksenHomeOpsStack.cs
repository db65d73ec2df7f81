using ClusterRegistry;
using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.RealStacks;

/// <summary>
/// Transcribed from https://github.com/vrozaksen/home-ops at commit 7d368ecdaae411b40d8bc1c01e8e32ac7569a8d4 (2026-08-22):
/// kubernetes/platform/harbor/harbor/helmrelease.yaml, terraform/harbor/projects.tf and robots.tf,
/// kubernetes/core/kube-system/spegel/app/helmrelease.yaml, talos/talconfig.yaml, talos/patches/global/machine-files.yaml and
/// machine-registries.yaml. Harbor behind a Gateway API HTTPRoute (TLS ends at the Gateway, the chart runs with
/// expose.tls.enabled: false), sixteen public proxy-cache projects, Talos v1.13 mirrors into them with overridePath, Spegel
/// 0.7.4 prepending to those mirrors.
/// </summary>
/// <remarks>
/// Expected findings: none, argued from upstream facts.
/// <list type="bullet">
/// <item>Scheme (CRG207/CRG306): nodes dial https://registry.vzkn.eu, the externalURL, and reach the Gateway's https listener;
/// goharbor/harbor-helm values.yaml documents expose.type "route" with TLS handled by the Gateway, and Harbor ≥ 2.14
/// (chart 1.19.1 ships 2.15.1) builds the token realm from the externalURL's scheme and the request host
/// (goharbor/harbor PR #21898), i.e. https://registry.vzkn.eu/service/token, which the same listener serves.</item>
/// <item>Auth (CRG204/CRG308): every proxy-* project is public = true, and Harbor grants pull to the anonymous token on public
/// projects (goharbor/harbor src/server/middleware/v2auth/auth.go; docs "Public: Any user can pull images"). The private
/// project home-ops is not mirrored.</item>
/// <item>overridePath (CRG213/CRG214): each mirror has one endpoint /v2/proxy-…, and overridePath makes containerd use it as
/// the API root (containerd docs/hosts.md override_path).</item>
/// <item>Spegel (CRG101–CRG106): every Talos mirror key is in mirroredRegistries and prependExisting is true, so Spegel keeps
/// Talos's [host] tables after its own (spegel pkg/oci/containerd/mirror.go); containerdRegistryConfigPath is Talos's
/// /etc/cri/conf.d/hosts; the 20-customization.part sets discard_unpacked_layers = false on v1.13 (siderolabs/docs
/// kubernetes-guides/advanced-guides/spegel.mdx).</item>
/// <item>Existing Secret keys (CRG309): harbor-secret is written by Infisical (kubernetes/platform/harbor/harbor/infisicalsecret.yaml
/// at commit 3256e5f2bda826eb086e82ecfb8f289de56795ce: managedKubeSecretReferences template data keys HARBOR_ADMIN_PASSWORD,
/// secretKey, REGISTRY_STORAGE_S3_ACCESSKEY, REGISTRY_STORAGE_S3_SECRETKEY, REGISTRY_HTPASSWD, REGISTRY_PASSWD). The chart reads
/// HARBOR_ADMIN_PASSWORD (existingSecretAdminPasswordKey), secretKey (existingSecretSecretKey, a volume item) and REGISTRY_PASSWD /
/// REGISTRY_HTPASSWD (registry.credentials.existingSecret) from it (goharbor/harbor-helm templates/core/core-dpl.yaml,
/// templates/registry/registry-dpl.yaml): all present. postgres-harbor-app (CNPG) is not declared, so its key is not judged.</item>
/// <item>Form (CRG210): the repository keeps machine.registries on v1.13; Talos still honours it and its validation emits no
/// warning for it (siderolabs/talos pkg/machinery/config/types/v1alpha1/v1alpha1_validation.go), so RegistryConfigForm =
/// Legacy says so.</item>
/// </list>
/// </remarks>
public sealed class VrozaksenHomeOpsStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "";

    public VrozaksenHomeOpsStack() : base("real-vrozaksen-home-ops")
    {
        new ExistingSecret("harbor-secret", new ExistingSecretArgs
        {
            Namespace = "harbor",
            ManagedBy = SecretManager.Infisical,
            Keys = { "HARBOR_ADMIN_PASSWORD", "secretKey", "REGISTRY_STORAGE_S3_ACCESSKEY", "REGISTRY_STORAGE_S3_SECRETKEY", "REGISTRY_HTPASSWD", "REGISTRY_PASSWD" },
        });

        var harbor = new HarborRegistry("harbor", new HarborArgs
        {
            Namespace = "harbor",
            ChartVersion = "1.19.1",
            Expose = HarborExpose.Route,
            Tls = false,
            ExternalUrl = "https://registry.vzkn.eu",
            RouteParents = { new HarborRouteParent { Name = "envoy-external", Namespace = "network", SectionName = "https" } },
            PinClusterIP = false,
            Trivy = true,
            Values =
            {
                // The admin password lives in a Secret that Infisical manages: named by key, never generated here.
                ["existingSecretAdminPassword"] = "harbor-secret",
                ["existingSecretAdminPasswordKey"] = "HARBOR_ADMIN_PASSWORD",
                ["existingSecretSecretKey"] = "harbor-secret",
                ["expose"] = new HelmValues
                {
                    ["route"] = new HelmValues
                    {
                        // A key with dots: a label-style annotation name.
                        ["annotations"] = new HelmValues { ["gatus.home-operations.com/endpoint"] = "group: harbor" },
                    },
                },
                ["database"] = new HelmValues
                {
                    ["type"] = "external",
                    ["external"] = new HelmValues
                    {
                        ["host"] = "postgres-harbor-rw.harbor.svc.cluster.local",
                        ["port"] = "5432",
                        ["username"] = "harbor",
                        ["coreDatabase"] = "harbor",
                        ["existingSecret"] = "postgres-harbor-app",
                        ["sslmode"] = "disable",
                    },
                },
                ["redis"] = new HelmValues
                {
                    ["type"] = "external",
                    ["external"] = new HelmValues { ["addr"] = "harbor-dragonfly:6379" },
                },
                ["registry"] = new HelmValues
                {
                    ["relativeurls"] = true,
                    ["credentials"] = new HelmValues { ["existingSecret"] = "harbor-secret" },
                },
            },
        });

        foreach (var (name, isPublic) in new[] { ("cache", true), ("containers", true), ("home-ops", false), ("vroxide", true) })
        {
            new HarborProject(name, new HarborProjectArgs { Registry = harbor, Public = isPublic });
        }

        // terraform/harbor/projects.tf: proxy-<name> projects, each on a harbor_registry "upstream-<name>".
        new HarborProject("proxy-dockerhub", new HarborProjectArgs
        {
            Registry = harbor,
            Public = true,
            ProxyCache = new HarborProxyCacheArgs { Upstream = "docker.io", EndpointUrl = "https://hub.docker.com", ProviderName = "docker-hub" },
        });
        new HarborProject("proxy-ghcr", new HarborProjectArgs
        {
            Registry = harbor,
            Public = true,
            ProxyCache = new HarborProxyCacheArgs { Upstream = "ghcr.io", ProviderName = "github" },
        });
        foreach (var (project, upstream) in Upstreams)
        {
            new HarborProject(project, new HarborProjectArgs
            {
                Registry = harbor,
                Public = true,
                ProxyCache = new HarborProxyCacheArgs { Upstream = upstream, ProviderName = "docker-registry" },
            });
        }

        new RobotAccount("cluster-puller", new RobotAccountArgs
        {
            Registry = harbor,
            Level = RobotLevel.System,
            Permissions = { RobotPermission.Pull("*") },
            Description = "Cluster-wide pull token for Flux OCIRepository and pod imagePullSecrets",
        });
        new RobotAccount("home-ops-ci", new RobotAccountArgs
        {
            Registry = harbor,
            Level = RobotLevel.Project,
            Project = "home-ops",
            Permissions = { RobotPermission.Push("home-ops") },
        });

        new SpegelRelease("spegel", new SpegelArgs
        {
            Namespace = "kube-system",
            ChartVersion = "0.7.4",
            MirroredRegistries =
            {
                "https://docker.io", "https://ghcr.io", "https://quay.io", "https://gcr.io", "https://mirror.gcr.io",
                "https://registry.k8s.io", "https://public.ecr.aws", "https://mcr.microsoft.com", "https://nvcr.io", "https://cgr.dev",
                "https://code.forgejo.org", "https://codeberg.org", "https://git.erwanleboucher.dev", "https://cr.fluentbit.io",
                "https://registry.access.redhat.com", "https://gsoci.azurecr.io",
            },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            ContainerdSock = "/run/containerd/containerd.sock",
            RegistryHostPort = 29999,
            MirrorResolveRetries = 3,
            MirrorResolveTimeout = "30ms",
            ServiceMonitor = true,
        });

        new TalosMachinePatch("global", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.13.7",
            RegistryConfigForm = TalosConfigForm.Legacy,
            Nodes = { "10.10.0.15", "10.10.0.16", "10.10.0.17", "10.10.0.21", "10.10.0.22", "10.10.0.23" },
            Mirrors =
            {
                ["docker.io"] = Proxy("proxy-dockerhub"),
                ["ghcr.io"] = Proxy("proxy-ghcr"),
                ["quay.io"] = Proxy("proxy-quay"),
                ["gcr.io"] = Proxy("proxy-gcr"),
                ["registry.k8s.io"] = Proxy("proxy-k8s"),
                ["public.ecr.aws"] = Proxy("proxy-ecr-public"),
                ["mcr.microsoft.com"] = Proxy("proxy-mcr"),
                ["nvcr.io"] = Proxy("proxy-nvcr"),
                ["cgr.dev"] = Proxy("proxy-cgr"),
                ["mirror.gcr.io"] = Proxy("proxy-mirror-gcr"),
                ["code.forgejo.org"] = Proxy("proxy-forgejo"),
                ["codeberg.org"] = Proxy("proxy-codeberg"),
                ["git.erwanleboucher.dev"] = Proxy("proxy-eleboucher"),
                ["cr.fluentbit.io"] = Proxy("proxy-fluentbit"),
                ["registry.access.redhat.com"] = Proxy("proxy-redhat"),
                ["gsoci.azurecr.io"] = Proxy("proxy-gsoci"),
            },
            Files =
            {
                new TalosFile
                {
                    Path = TalosFile.CriCustomizationPath,
                    Op = TalosFileOp.Create,
                    Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n[plugins.\"io.containerd.cri.v1.runtime\"]\n  cdi_spec_dirs = [\"/var/cdi/static\", \"/var/cdi/dynamic\"]\n  device_ownership_from_security_context = true\n",
                },
                new TalosFile
                {
                    Path = "/etc/nfsmount.conf",
                    Op = TalosFileOp.Overwrite,
                    Permissions = 0b110_100_100,
                    Content = "[ NFSMount_Global_Options ]\nnfsvers=4.2\nhard=True\nnconnect=8\nnoatime=True\nrsize=1048576\nwsize=1048576",
                },
            },
        });
    }

    private static readonly (string Project, string Upstream)[] Upstreams =
    {
        ("proxy-quay", "quay.io"), ("proxy-gcr", "gcr.io"), ("proxy-mirror-gcr", "mirror.gcr.io"), ("proxy-k8s", "registry.k8s.io"),
        ("proxy-ecr-public", "public.ecr.aws"), ("proxy-mcr", "mcr.microsoft.com"), ("proxy-nvcr", "nvcr.io"), ("proxy-cgr", "cgr.dev"),
        ("proxy-forgejo", "code.forgejo.org"), ("proxy-codeberg", "codeberg.org"), ("proxy-eleboucher", "git.erwanleboucher.dev"),
        ("proxy-fluentbit", "cr.fluentbit.io"), ("proxy-redhat", "registry.access.redhat.com"), ("proxy-gsoci", "gsoci.azurecr.io"),
    };

    private static TalosMirror Proxy(string project) => new()
    {
        Endpoints = { "https://registry.vzkn.eu/v2/" + project },
        OverridePath = true,
    };
}
