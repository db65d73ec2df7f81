using ClusterRegistry.Charts;

namespace ClusterRegistry.Harbor;

/// <summary>Inputs of a Harbor installation (goharbor/harbor-helm chart, values.yaml).</summary>
public sealed class HarborArgs
{
    /// <summary>Kubernetes namespace of the release. The Service DNS name is <c>{ServiceName}.{Namespace}.svc.cluster.local</c>.</summary>
    public string Namespace { get; set; } = "harbor";

    /// <summary>Chart version of goharbor/harbor-helm, e.g. <c>1.17.1</c>.</summary>
    public string? ChartVersion { get; set; }

    /// <summary>Helm repository URL of the chart.</summary>
    public string ChartRepository { get; set; } = "https://helm.goharbor.io";

    /// <summary>
    /// The chart as an OCI artifact (a Flux <c>OCIRepository</c> and <c>chartRef</c>), with a tag, semver range or digest and
    /// optional signature verification. When set it replaces <see cref="ChartRepository"/> and <see cref="ChartVersion"/>.
    /// </summary>
    public OciChartSource? ChartSource { get; set; }

    /// <summary><c>expose.type</c>.</summary>
    public HarborExpose Expose { get; set; } = HarborExpose.LoadBalancer;

    /// <summary>The expose Service name (<c>expose.loadBalancer.name</c> etc.), "harbor" by default.</summary>
    public string ServiceName { get; set; } = "harbor";

    /// <summary>LoadBalancer address on the LAN (<c>expose.loadBalancer.IP</c>): what workstations push to and pods reference.</summary>
    public string? LoadBalancerIP { get; set; }

    /// <summary>The ClusterIP of the Harbor Service: what node host entries map the Service DNS name to.</summary>
    public string? ClusterIP { get; set; }

    /// <summary>
    /// Pin <see cref="ClusterIP"/> on the Service (<c>spec.clusterIP</c>), so a re-created Service keeps the address the
    /// host entries use (CRG203).
    /// </summary>
    public bool PinClusterIP { get; set; } = true;

    /// <summary>The cluster's service CIDR, e.g. <c>10.43.0.0/16</c>; used to check that <see cref="ClusterIP"/> is in it.</summary>
    public string? ServiceSubnet { get; set; }

    /// <summary>
    /// <c>externalURL</c>: builds the token realm handed to clients, so it must be reachable from the host network
    /// (goharbor/harbor src/server/middleware/v2auth/auth.go <c>tokenSvcEndpoint</c>, PR #21898). Defaults to
    /// <c>{scheme}://{LoadBalancerIP}</c>.
    /// </summary>
    public string? ExternalUrl { get; set; }

    /// <summary>
    /// <c>expose.tls.enabled</c>: whether the chart itself serves TLS. false means plain HTTP on port 80, as in the seed.
    /// With <see cref="HarborExpose.Ingress"/> or <see cref="HarborExpose.Route"/> TLS usually ends at the ingress controller
    /// or Gateway instead, so clients use the scheme of <see cref="ExternalUrl"/> (see <see cref="HarborRegistry.SchemeForHost"/>).
    /// </summary>
    public bool Tls { get; set; } = true;

    /// <summary><c>expose.ingress.className</c> for <see cref="HarborExpose.Ingress"/> (null: the cluster default).</summary>
    public string? IngressClassName { get; set; }

    /// <summary><c>expose.route.parentRefs</c>: the Gateways the HTTPRoute attaches to, for <see cref="HarborExpose.Route"/>.</summary>
    public List<HarborRouteParent> RouteParents { get; } = new();

    /// <summary>
    /// The initial admin password; rendered as a generated Secret <c>&lt;name&gt;-admin</c> whose value is a <c>${VAR}</c>
    /// placeholder, named by <c>existingSecretAdminPassword</c>. Never rendered in clear. Use
    /// <see cref="ExistingAdminPasswordSecret"/> instead when something else manages the Secret.
    /// </summary>
    public Secret? AdminPassword { get; set; }

    /// <summary>
    /// <c>existingSecretAdminPassword</c>: the name of a Secret in <see cref="Namespace"/> that something else manages (an
    /// <see cref="ExistingSecret"/>: ExternalSecret, SOPS, …). Nothing is generated for it; not together with
    /// <see cref="AdminPassword"/>.
    /// </summary>
    public string? ExistingAdminPasswordSecret { get; set; }

    /// <summary><c>existingSecretAdminPasswordKey</c>: the key of <see cref="ExistingAdminPasswordSecret"/> holding the password (CRG309 checks it).</summary>
    public string ExistingAdminPasswordSecretKey { get; set; } = "HARBOR_ADMIN_PASSWORD";

    /// <summary>Size of the registry's image storage volume.</summary>
    public string RegistryStorageSize { get; set; } = "5Gi";

    /// <summary>StorageClass for Harbor's volumes (null: the cluster default).</summary>
    public string? StorageClass { get; set; }

    /// <summary>Install Trivy (the scanner). Off by default: it is not needed for pulls and is heavy on small clusters.</summary>
    public bool Trivy { get; set; }

    /// <summary>Extra Helm values merged over the generated ones (dotted keys, e.g. <c>core.replicas</c>).</summary>
    public Dictionary<string, string> ExtraValues { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Any other chart values as a tree, deep-merged over the generated ones and <see cref="ExtraValues"/> (keys are literal,
    /// so they may contain dots; see <see cref="HelmValues"/>).
    /// </summary>
    public HelmValues Values { get; } = new();

    /// <summary>
    /// Flux <c>spec.postRenderers</c>: kustomize patches and image replacements applied to the chart's manifests, in order after the ClusterIP pin the stack renders itself (<see cref="PinClusterIP"/>).
    /// Flux delivery only: a direct Helm release refuses them.
    /// </summary>
    public List<HelmPostRenderer> PostRenderers { get; } = new();

    /// <summary>How the chart is installed: Flux objects (default, the seed's way) or a direct Helm release.</summary>
    public ReleaseDelivery Delivery { get; set; } = ReleaseDelivery.Flux;
}
