using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Tests.Rules;

/// <summary>
/// CRG001 on a release's <c>ChartSource</c> (a Flux OCIRepository): what source-controller would reject or silently
/// reinterpret is refused; the shapes real repositories commit are not. The near misses are transcribed from public
/// repositories, each named with its commit.
/// </summary>
public sealed class ChartSourceRuleTests
{
    private const string Spegel = "oci://ghcr.io/spegel-org/helm-charts/spegel";

    private static GoodSnapshot WithSpegelSource(ChartSourceInfo source)
    {
        var g = new GoodSnapshot();
        g.Spegel.ChartVersion = Val.Known<string?>(null);
        g.Spegel.ChartSource = Val.Known<ChartSourceInfo?>(source, "L:spegel.ChartSource");
        return g;
    }

    private static ChartSourceInfo Source(string url = Spegel, string? tag = null, string? semver = null, string? digest = null, string? interval = null, string? filter = null) => new()
    {
        Url = Val.Known(url, "L:src.Url"),
        Tag = Val.Known(tag, "L:src.Tag"),
        Semver = Val.Known(semver, "L:src.Semver"),
        Digest = Val.Known(digest, "L:src.Digest"),
        Interval = Val.Known(interval, "L:src.Interval"),
        SemverFilter = Val.Known(filter, "L:src.SemverFilter"),
        Location = "L:src",
    };

    private static IReadOnlyList<Finding> Crg001(GoodSnapshot g) => g.Run("CRG001");

    [Fact]
    public void Near_miss_onedr0p_home_ops_spegel_ocirepository()
    {
        // onedr0p/home-ops@88c1159c5d1102bc52b6017096aab952172661fd kubernetes/apps/kube-system/spegel/app/ocirepository.yaml:
        // interval 15m, layerSelector helm chart layer (copy), ref.tag 0.6.0, url oci://ghcr.io/spegel-org/helm-charts/spegel.
        var g = WithSpegelSource(Source(tag: "0.6.0", interval: "15m"));
        Assert.Empty(Crg001(g));
        // The tag is the chart version the version-aware rules judge.
        Assert.Equal("0.6.0", g.Spegel.EffectiveChartVersion.Value);
    }

    [Fact]
    public void Near_miss_home_operations_charts_mirror_keyless_cosign()
    {
        // notHiks/charts-mirror@104eaeef8e5a603b6fe7f8882099dde5af6d408b README.md (the home-operations charts mirror's Flux
        // example): interval 1h, ref.tag, verify.provider cosign, matchOIDCIdentity issuer ^https://token.actions.githubusercontent.com$
        // and subject ^https://github.com/home-operations/charts-mirror.*$, no secretRef.
        var source = Source(url: "oci://ghcr.io/home-operations/charts-mirror/spegel", tag: "0.3.0", interval: "1h");
        var verify = new ChartVerificationInfo { Provider = "cosign", Location = "L:verify" };
        verify.MatchOidcIdentity.Add(new OidcIdentityInfo
        {
            Issuer = "^https://token.actions.githubusercontent.com$",
            Subject = "^https://github.com/home-operations/charts-mirror.*$",
        });
        source.Verify = Val.Known<ChartVerificationInfo?>(verify);
        Assert.Empty(Crg001(WithSpegelSource(source)));
    }

    [Fact]
    public void Near_miss_a_digest_a_semver_range_with_its_filter_and_a_compound_interval()
    {
        Assert.Empty(Crg001(WithSpegelSource(Source(digest: "sha256:" + new string('a', 64)))));
        Assert.Empty(Crg001(WithSpegelSource(Source(semver: ">=0.6.0 <0.7.0", filter: ".*-rc.*", interval: "1h30m"))));
    }

    [Theory]
    [InlineData("tag+semver", "ChartSource.Semver", "Flux uses only Semver")]
    [InlineData("semver+digest", "ChartSource.Digest", "Flux uses only Digest")]
    [InlineData("none", "ChartSource", "none of Tag, Semver or Digest")]
    [InlineData("https", "ChartSource.Url", "is not an oci://")]
    [InlineData("no-path", "ChartSource.Url", "is not an oci://")]
    [InlineData("short-digest", "ChartSource.Digest", "sha256:<64 lowercase hex digits>")]
    [InlineData("upper-digest", "ChartSource.Digest", "sha256:<64 lowercase hex digits>")]
    [InlineData("interval", "ChartSource.Interval", "not a duration Flux accepts")]
    [InlineData("tag", "ChartSource.Tag", "is not an OCI tag")]
    [InlineData("filter", "ChartSource.SemverFilter", "Semver is not set")]
    public void Refuses_what_flux_rejects_or_silently_reinterprets(string kind, string path, string says)
    {
        var source = kind switch
        {
            "tag+semver" => Source(tag: "0.6.0", semver: ">=0.6.0"),
            "semver+digest" => Source(semver: ">=0.6.0", digest: "sha256:" + new string('b', 64)),
            "none" => Source(),
            "https" => Source(url: "https://ghcr.io/spegel-org/helm-charts/spegel", tag: "0.6.0"),
            "no-path" => Source(url: "oci://ghcr.io", tag: "0.6.0"),
            "short-digest" => Source(digest: "sha256:abc"),
            "upper-digest" => Source(digest: "sha256:" + new string('A', 64)),
            "interval" => Source(tag: "0.6.0", interval: "15 minutes"),
            "tag" => Source(tag: "0.6.0+build.1"),
            "filter" => Source(tag: "0.6.0", filter: ".*"),
            _ => throw new ArgumentException(kind),
        };
        var f = Assert.Single(Crg001(WithSpegelSource(source)));
        Assert.Equal(path, f.PropertyPath);
        Assert.Contains(says, f.Message, StringComparison.Ordinal);
        Assert.Equal("SpegelRelease 'spegel'", f.Resource);
    }

    [Fact]
    public void ChartVersion_beside_a_ChartSource_is_refused_on_ChartVersion()
    {
        var g = new GoodSnapshot();
        g.Harbor.ChartSource = Val.Known<ChartSourceInfo?>(Source(url: "oci://registry-1.docker.io/goharbor/harbor-helm", tag: "1.17.1"));
        var f = Assert.Single(g.Run("CRG001"));
        Assert.Equal("ChartVersion", f.PropertyPath);
        Assert.Equal("1.17.1", f.Value);
    }

    [Theory]
    [InlineData("notation", null, false, "ChartSource.Verify.SecretName")]
    [InlineData("cosign", "cosign-keys", true, "ChartSource.Verify.MatchOidcIdentity")]
    [InlineData("notation", "notation-trust", true, "ChartSource.Verify.MatchOidcIdentity")]
    [InlineData("cosign", "Cosign_Keys", false, "ChartSource.Verify.SecretName")]
    public void Verification_needs_a_key_for_notation_and_identities_only_for_keyless_cosign(string provider, string? secret, bool identity, string path)
    {
        var source = Source(tag: "0.6.0");
        var verify = new ChartVerificationInfo { Provider = provider, SecretName = Val.Known(secret), Location = "L:verify" };
        if (identity)
        {
            verify.MatchOidcIdentity.Add(new OidcIdentityInfo { Issuer = "^https://token.actions.githubusercontent.com$", Subject = "^https://github.com/spegel-org/.*$" });
        }

        source.Verify = Val.Known<ChartVerificationInfo?>(verify);
        var f = Assert.Single(Crg001(WithSpegelSource(source)));
        Assert.Equal(path, f.PropertyPath);
    }

    [Fact]
    public void Near_miss_cosign_with_a_public_key_secret_and_notation_with_its_trust_secret()
    {
        foreach (var (provider, secret) in new[] { ("cosign", "cosign-public-keys"), ("notation", "notation-config") })
        {
            var source = Source(tag: "0.6.0");
            source.Verify = Val.Known<ChartVerificationInfo?>(new ChartVerificationInfo { Provider = provider, SecretName = Val.Known<string?>(secret) });
            Assert.Empty(Crg001(WithSpegelSource(source)));
        }
    }

    private static ChartSourceInfo Credentials(string? secret = null, string? provider = null, string? cert = null, string? account = null)
    {
        var source = Source(tag: "0.6.0");
        source.SecretName = Val.Known(secret, "L:src.SecretName");
        source.Provider = Val.Known(provider, "L:src.Provider");
        source.CertSecretName = Val.Known(cert, "L:src.CertSecretName");
        source.ServiceAccountName = Val.Known(account, "L:src.ServiceAccountName");
        return source;
    }

    [Fact]
    public void Near_miss_pull_credentials_as_the_flux_docs_write_them()
    {
        // https://fluxcd.io/flux/components/source/ocirepositories/: static credentials go with the generic provider
        // ("either with spec.secretRef or spec.serviceAccountName"), the Secret made by `flux create secret oci`; a CA or
        // client certificate in certSecretRef; a cloud provider with (or without) a workload-identity ServiceAccount.
        Assert.Empty(Crg001(WithSpegelSource(Credentials(secret: "podinfo-pull-secret", provider: "generic", cert: "example-tls"))));
        Assert.Empty(Crg001(WithSpegelSource(Credentials(secret: "ghcr-auth", account: "flux-pull"))));
        Assert.Empty(Crg001(WithSpegelSource(Credentials(provider: "aws", account: "source-controller-ecr"))));
        Assert.Empty(Crg001(WithSpegelSource(Credentials(provider: "gcp"))));
    }

    [Theory]
    [InlineData("oracle", null, null, null, "ChartSource.Provider", "generic, aws, azure or gcp")]
    [InlineData("AWS", null, null, null, "ChartSource.Provider", "generic, aws, azure or gcp")]
    [InlineData("azure", "acr-pull", null, null, "ChartSource.SecretName", "silently ignores the azure provider")]
    [InlineData(null, "GHCR_Pull", null, null, "ChartSource.SecretName", "is not a Secret name")]
    [InlineData(null, null, "harbor ca", null, "ChartSource.CertSecretName", "is not a Secret name")]
    [InlineData("gcp", null, null, "Flux.Pull", "ChartSource.ServiceAccountName", "is not a ServiceAccount name")]
    public void Pull_credentials_flux_would_reject_or_ignore_are_refused(string? provider, string? secret, string? cert, string? account, string path, string says)
    {
        // The CRD's enum for spec.provider is generic, aws, azure, gcp (case-sensitive); secretRef beside a cloud provider
        // leaves the keychain non-anonymous, so source-controller never logs in with the provider.
        var f = Assert.Single(Crg001(WithSpegelSource(Credentials(secret, provider, cert, account))));
        Assert.Equal(path, f.PropertyPath);
        Assert.Contains(says, f.Message, StringComparison.Ordinal);
        Assert.Equal("SpegelRelease 'spegel'", f.Resource);
    }

    private static GoodSnapshot DirectHelm(ChartSourceInfo source, bool direct = true)
    {
        var g = WithSpegelSource(source);
        g.Spegel.DirectHelm = Val.Known(direct, "L:spegel.Delivery");
        return g;
    }

    [Theory]
    [InlineData("verify", "ChartSource.Verify", "cosign")]
    [InlineData("filter", "ChartSource.SemverFilter", "^0\\.6\\.")]
    [InlineData("digest", "ChartSource.Digest", "sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd")]
    [InlineData("interval", "ChartSource.Interval", "15m")]
    [InlineData("secret", "ChartSource.SecretName", "ghcr-pull")]
    [InlineData("provider", "ChartSource.Provider", "aws")]
    [InlineData("cert", "ChartSource.CertSecretName", "ghcr-ca")]
    [InlineData("account", "ChartSource.ServiceAccountName", "chart-reader")]
    [InlineData("insecure", "ChartSource.Insecure", "true")]
    public void A_direct_Helm_release_refuses_what_only_an_OCIRepository_does(string what, string path, string value)
    {
        // Helm installs an OCI chart by version, once, without a signature check, from the machine running pulumi: verify,
        // the tag filter, a digest, a poll interval and credentials read from cluster objects are source-controller's
        // (OCIRepository spec.verify, ref.semverFilter, ref.digest, interval, secretRef, provider, certSecretRef,
        // serviceAccountName, insecure).
        var source = what switch
        {
            "filter" => Source(semver: ">=0.6.0", filter: value),
            "digest" => Source(digest: value),
            "interval" => Source(tag: "0.6.0", interval: value),
            _ => Source(tag: "0.6.0"),
        };
        switch (what)
        {
            case "verify":
                source.Verify = Val.Known<ChartVerificationInfo?>(new ChartVerificationInfo { Provider = "cosign", SecretName = Val.Known<string?>("cosign-public-keys") }, "L:src.Verify");
                break;
            case "secret": source.SecretName = Val.Known<string?>(value, "L:src.SecretName"); break;
            case "provider": source.Provider = Val.Known<string?>(value, "L:src.Provider"); break;
            case "cert": source.CertSecretName = Val.Known<string?>(value, "L:src.CertSecretName"); break;
            case "account": source.ServiceAccountName = Val.Known<string?>(value, "L:src.ServiceAccountName"); break;
            case "insecure": source.Insecure = Val.Known(true, "L:src.Insecure"); break;
        }

        var f = Assert.Single(Crg001(DirectHelm(source)));
        Assert.Equal((path, value), (f.PropertyPath, f.Value));
        Assert.Contains("ReleaseDelivery.Flux", f.Message, StringComparison.Ordinal);

        // Near miss: the same source delivered by Flux, and a direct Helm release with a plain tag or range, or the generic
        // provider (which is no login at all).
        Assert.Empty(Crg001(DirectHelm(source, direct: false)));
        var generic = Source(tag: "0.6.0");
        generic.Provider = Val.Known<string?>("generic", "L:src.Provider");
        foreach (var plain in new[] { Source(tag: "0.6.0"), Source(semver: ">=0.6.0 <0.7.0"), generic })
        {
            Assert.Empty(Crg001(DirectHelm(plain)));
        }
    }

    [Fact]
    public void A_direct_Helm_release_refuses_post_renderers_helm_controller_would_apply()
    {
        var g = new GoodSnapshot();
        var patch = new KustomizePatchInfo { Patch = Val.Known("- op: add\n  path: /metadata/labels/team\n  value: platform", "L:patch"), Target = Val.Known<PatchTargetInfo?>(new PatchTargetInfo { Kind = Val.Known<string?>("DaemonSet") }) };
        g.Spegel.PostRenderers = new ValList<PostRendererInfo> { new PostRendererInfo { Patches = new ValList<KustomizePatchInfo> { patch }, Location = "L:pr" } };
        Assert.Empty(Crg001(g));

        g.Spegel.DirectHelm = Val.Known(true, "L:spegel.Delivery");
        var f = Assert.Single(Crg001(g));
        Assert.Equal(("PostRenderers[0]", "kustomize: 1 patch(es), 0 image(s)"), (f.PropertyPath, f.Value));
        Assert.Contains("helm-controller", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_values_and_repositories_say_nothing()
    {
        var unknown = new ChartSourceInfo { Url = Val.Unknown<string>(), Tag = Val.Unknown<string?>(), Semver = Val.Known<string?>(">=0.6.0"), Location = "L:src" };
        Assert.Empty(Crg001(WithSpegelSource(unknown)));

        // A hand-written repository may use whatever Flux accepts (Flux orders several refs itself).
        var g = WithSpegelSource(Source(tag: "0.6.0", semver: ">=0.6.0"));
        g.Snapshot.FromRepository = true;
        Assert.Empty(Crg001(g));
    }

    [Fact]
    public void Version_aware_rules_read_the_sources_tag_and_stay_silent_on_a_range()
    {
        // CRG108: Spegel chart 0.7 needs Talos ≥ 1.11; the chart version is the source's tag.
        var g = WithSpegelSource(Source(tag: "0.7.4"));
        g.Patch.TalosVersion = GoodSnapshot.V("v1.10", "L:patch.TalosVersion");
        var f = Assert.Single(g.Run("CRG108"));
        Assert.Equal("ChartSource.Tag", f.PropertyPath);

        var range = WithSpegelSource(Source(semver: ">=0.7.0"));
        range.Patch.TalosVersion = GoodSnapshot.V("v1.10", "L:patch.TalosVersion");
        Assert.Empty(range.Run("CRG108"));
        Assert.False(range.Spegel.EffectiveChartVersion.IsKnown);
    }
}
