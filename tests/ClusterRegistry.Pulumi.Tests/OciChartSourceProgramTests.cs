using System.Text.Json.Nodes;
using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Pulumi.Tests.Validation;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>
/// A <see cref="OciChartSource"/> in the Pulumi program: with Flux delivery the ConfigGroup carries the same OCIRepository
/// and chartRef as the GitOps tree; with a direct Helm release the chart is the OCI URL and the version the tag or range;
/// what only Flux's OCIRepository can do (verify, semverFilter, digest, interval) is refused naming resource, property and value.
/// </summary>
public sealed class OciChartSourceProgramTests
{
    private sealed class S(ReleaseDelivery delivery, Action<OciChartSource>? tweak) : Stack("oci")
    {
        public S Declare()
        {
            var source = new OciChartSource { Url = "oci://ghcr.io/spegel-org/helm-charts/spegel", Tag = "0.6.0" };
            tweak?.Invoke(source);
            new SpegelRelease("spegel", new SpegelArgs
            {
                MirroredRegistries = { "https://docker.io" },
                PrependExisting = true,
                ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
                ChartSource = source,
                Delivery = delivery,
            });
            return this;
        }
    }

    private static Stack Build(ReleaseDelivery delivery, Action<OciChartSource>? tweak = null) => Stack.Build(() => new S(delivery, tweak).Declare());

    /// <summary>
    /// Harbor from its OCI chart: goharbor/harbor-helm publishes the chart as <c>oci://registry-1.docker.io/goharbor/harbor-helm</c>
    /// (the harbor-helm README's <c>helm install … oci://…</c>), so the URL names the chart itself and nothing may be appended.
    /// </summary>
    private sealed class H(ReleaseDelivery delivery, Action<OciChartSource>? tweak) : Stack("oci-harbor")
    {
        public H Declare()
        {
            var source = new OciChartSource { Url = "oci://registry-1.docker.io/goharbor/harbor-helm", Tag = "1.17.1" };
            tweak?.Invoke(source);
            new HarborRegistry("harbor", new HarborArgs
            {
                LoadBalancerIP = "192.168.1.105",
                ClusterIP = "10.43.216.243",
                ExternalUrl = "http://192.168.1.105",
                Tls = false,
                AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
                ChartSource = source,
                Delivery = delivery,
            });
            return this;
        }
    }

    private static Stack BuildHarbor(ReleaseDelivery delivery, Action<OciChartSource>? tweak = null) => Stack.Build(() => new H(delivery, tweak).Declare());

    private static JsonObject Resources(Stack stack) =>
        JsonNode.Parse(new PulumiProgramEmitter().Emit(stack).ToJson())!["resources"]!.AsObject();

    [Fact]
    public void Flux_delivery_puts_the_OCIRepository_and_chartRef_in_the_ConfigGroup()
    {
        var objs = Resources(Build(ReleaseDelivery.Flux, s => { s.Tag = null; s.Semver = ">=0.6.0 <0.7.0"; s.Verify = new ChartVerification { SecretName = "cosign-public-keys" }; }))
            .Where(r => (string)r.Value!["type"]! == "kubernetes:yaml/v2:ConfigGroup")
            .SelectMany(r => r.Value!["properties"]!["objs"]!.AsArray())
            .Select(o => o!.AsObject())
            .ToList();
        var source = Assert.Single(objs, o => (string)o["kind"]! == "OCIRepository");
        Assert.Equal(">=0.6.0 <0.7.0", (string?)source["spec"]!["ref"]!["semver"]);
        Assert.Equal("cosign-public-keys", (string?)source["spec"]!["verify"]!["secretRef"]!["name"]);
        var release = Assert.Single(objs, o => (string)o["kind"]! == "HelmRelease");
        Assert.Equal("OCIRepository", (string?)release["spec"]!["chartRef"]!["kind"]);
        var problems = objs.SelectMany(FluxCrds.Validate).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(false, "0.6.0")]
    [InlineData(true, ">=0.6.0 <0.7.0")]
    public void Helm_delivery_installs_the_oci_url_at_the_tag_or_range(bool range, string version)
    {
        var stack = Build(ReleaseDelivery.Helm, s => { if (range) { s.Tag = null; s.Semver = version; } });
        var release = Assert.Single(Resources(stack), r => (string)r.Value!["type"]! == "kubernetes:helm.sh/v3:Release").Value!["properties"]!;
        Assert.Equal("oci://ghcr.io/spegel-org/helm-charts/spegel", (string?)release["chart"]);
        Assert.Equal(version, (string?)release["version"]);
        Assert.Null(release["repositoryOpts"]);
    }

    [Theory]
    [InlineData("verify", "ChartSource.Verify", "cosign")]
    [InlineData("filter", "ChartSource.SemverFilter", "^0\\.6\\.")]
    [InlineData("digest", "ChartSource.Digest", "sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd")]
    [InlineData("interval", "ChartSource.Interval", "15m")]
    public void Helm_delivery_refuses_what_only_an_OCIRepository_does(string what, string property, string value)
    {
        var stack = Build(ReleaseDelivery.Helm, s =>
        {
            switch (what)
            {
                case "verify": s.Verify = new ChartVerification { SecretName = "cosign-public-keys" }; break;
                case "filter": s.Tag = null; s.Semver = ">=0.6.0"; s.SemverFilter = value; break;
                case "digest": s.Tag = null; s.Digest = value; break;
                case "interval": s.Interval = value; break;
            }
        });
        var e = Assert.Throws<StackDefinitionException>(() => new PulumiProgramEmitter().Emit(stack));
        Assert.Equal("SpegelRelease 'spegel'", e.Resource);
        Assert.Equal(property, e.Property);
        Assert.Equal(value, e.Value);
        Assert.Contains("ReleaseDelivery.Flux", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Flux_delivery_carries_the_pull_credentials_schema_valid()
    {
        var objs = Resources(Build(ReleaseDelivery.Flux, s => { s.SecretName = "ghcr-pull"; s.CertSecretName = "ghcr-ca"; s.Insecure = true; }))
            .Where(r => (string)r.Value!["type"]! == "kubernetes:yaml/v2:ConfigGroup")
            .SelectMany(r => r.Value!["properties"]!["objs"]!.AsArray())
            .Select(o => o!.AsObject())
            .ToList();
        var source = Assert.Single(objs, o => (string)o["kind"]! == "OCIRepository");
        Assert.Equal("ghcr-pull", (string?)source["spec"]!["secretRef"]!["name"]);
        Assert.Equal("ghcr-ca", (string?)source["spec"]!["certSecretRef"]!["name"]);
        Assert.True((bool)source["spec"]!["insecure"]!);
        var problems = objs.SelectMany(FluxCrds.Validate).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The Helm release (pulumi-kubernetes <c>helm.sh/v3:Release</c>) logs in with <c>repositoryOpts</c> username, password
    /// and certificate files on the machine running pulumi; it cannot read a Kubernetes Secret or ServiceAccount, log in to a
    /// cloud registry or speak plain HTTP to an OCI registry, so each of these is refused, not dropped.
    /// </summary>
    [Theory]
    [InlineData("secret", "ChartSource.SecretName", "ghcr-pull")]
    [InlineData("provider", "ChartSource.Provider", "aws")]
    [InlineData("cert", "ChartSource.CertSecretName", "ghcr-ca")]
    [InlineData("account", "ChartSource.ServiceAccountName", "chart-reader")]
    [InlineData("insecure", "ChartSource.Insecure", "true")]
    public void Helm_delivery_refuses_pull_credentials_only_flux_can_use(string what, string property, string value)
    {
        var stack = Build(ReleaseDelivery.Helm, s =>
        {
            switch (what)
            {
                case "secret": s.SecretName = value; break;
                case "provider": s.Provider = OciRepositoryProvider.Aws; break;
                case "cert": s.CertSecretName = value; break;
                case "account": s.ServiceAccountName = value; break;
                case "insecure": s.Insecure = true; break;
            }
        });
        var e = Assert.Throws<StackDefinitionException>(() => new PulumiProgramEmitter().Emit(stack));
        Assert.Equal("SpegelRelease 'spegel'", e.Resource);
        Assert.Equal(property, e.Property);
        Assert.Equal(value, e.Value);
        Assert.Contains("ReleaseDelivery.Flux", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Helm_delivery_accepts_the_generic_provider_which_is_no_login_at_all()
    {
        var stack = Build(ReleaseDelivery.Helm, s => s.Provider = OciRepositoryProvider.Generic);
        var release = Assert.Single(Resources(stack), r => (string)r.Value!["type"]! == "kubernetes:helm.sh/v3:Release").Value!["properties"]!;
        Assert.Equal("oci://ghcr.io/spegel-org/helm-charts/spegel", (string?)release["chart"]);
    }

    [Theory]
    [InlineData(false, "1.17.1")]
    [InlineData(true, ">=1.17.0 <1.18.0")]
    public void Harbor_helm_delivery_installs_the_oci_url_at_the_tag_or_range(bool range, string version)
    {
        var resources = Resources(BuildHarbor(ReleaseDelivery.Helm, s => { if (range) { s.Tag = null; s.Semver = version; } }));
        var node = Assert.Single(resources, r => (string)r.Value!["type"]! == "kubernetes:helm.sh/v3:Release").Value!;
        var release = node["properties"]!;
        // The OCI URL is the chart: not the chart repository's "harbor" chart, and no "/harbor" appended to the URL.
        Assert.Equal("oci://registry-1.docker.io/goharbor/harbor-helm", (string?)release["chart"]);
        Assert.Equal(version, (string?)release["version"]);
        Assert.Null(release["repositoryOpts"]);
        Assert.Equal("harbor", (string?)release["namespace"]);
        Assert.False((bool)release["createNamespace"]!);

        // Same release otherwise: the admin-password Secret it reads is still created first.
        var secret = Assert.Single(resources, r => (string)r.Value!["type"]! == "kubernetes:core/v1:Secret").Key;
        Assert.Contains("${" + secret + "}", node["options"]!["dependsOn"]!.AsArray().Select(d => (string)d!));
    }

    [Fact]
    public void Harbor_helm_delivery_refuses_Verify_naming_the_harbor_resource()
    {
        var stack = BuildHarbor(ReleaseDelivery.Helm, s => s.Verify = new ChartVerification { SecretName = "cosign-public-keys" });
        var e = Assert.Throws<StackDefinitionException>(() => new PulumiProgramEmitter().Emit(stack));
        Assert.Equal("HarborRegistry 'harbor'", e.Resource);
        Assert.Equal("ChartSource.Verify", e.Property);
        Assert.Equal("cosign", e.Value);
    }
}
