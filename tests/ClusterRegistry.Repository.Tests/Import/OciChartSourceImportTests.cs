using ClusterRegistry.Repository.Flux;
using ClusterRegistry.Repository.Import;
using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Tests.Import;

/// <summary>
/// A HelmRelease whose <c>spec.chartRef</c> names an OCIRepository is read as the stack's <c>ChartSource</c> by
/// <c>check --repo</c> and written as <c>ChartSource = new OciChartSource { … }</c> by <c>import</c>; synth renders the same
/// OCIRepository back. The fixtures are the public repositories under <c>Repositories/</c> (jfroy/flatops@a290c44 verifies
/// Spegel's chart keyless with cosign; FalkWinkler/home-ops@3d9d985 and wcygan/anton@f70a15a pin a tag).
/// </summary>
public sealed class OciChartSourceImportTests
{
    public static TheoryData<string> Repositories => new() { "falkwinkler-home-ops", "wcygan-anton", "jfroy-flatops" };

    [Fact]
    public void Check_repo_reads_chartRef_to_an_OCIRepository_into_the_chart_source()
    {
        var spegel = Assert.Single(RepositoryScanner.Scan(Fixtures.Path("jfroy-flatops")).Snapshot.Spegels);
        var source = spegel.ChartSource.Value!;
        Assert.Equal("oci://ghcr.io/spegel-org/helm-charts/spegel", source.Url.Value);
        Assert.Equal("0.7.4", source.Tag.Value);
        Assert.Equal("1h", source.Interval.Value);
        Assert.Equal("0.7.4", spegel.EffectiveChartVersion.Value);
        var verify = source.Verify.Value!;
        Assert.Equal("cosign", verify.Provider.Value);
        Assert.Null(verify.SecretName.Value);
        var identity = Assert.Single(verify.MatchOidcIdentity);
        Assert.Equal("^https://token.actions.githubusercontent.com$", identity.Issuer.Value);
        Assert.Equal("^https://github.com/spegel-org/spegel/.*$", identity.Subject.Value);
    }

    [Fact]
    public void Import_writes_an_OciChartSource_with_its_verification_and_no_ChartVersion()
    {
        var result = StackImporter.Import(RepositoryScanner.Scan(Fixtures.Path("jfroy-flatops")), new ImportOptions { ClassName = "ImportedStack", StackName = "imported" });
        Assert.Contains("using ClusterRegistry.Charts;", result.Code, StringComparison.Ordinal);
        Assert.Contains("ChartSource = new OciChartSource", result.Code, StringComparison.Ordinal);
        Assert.Contains("Url = \"oci://ghcr.io/spegel-org/helm-charts/spegel\",", result.Code, StringComparison.Ordinal);
        Assert.Contains("Tag = \"0.7.4\",", result.Code, StringComparison.Ordinal);
        Assert.Contains("Provider = ChartVerificationProvider.Cosign,", result.Code, StringComparison.Ordinal);
        Assert.Contains("new OidcIdentityMatch { Issuer = \"^https://token.actions.githubusercontent.com$\", Subject = \"^https://github.com/spegel-org/spegel/.*$\" },", result.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("ChartVersion = ", result.Code, StringComparison.Ordinal);
        Assert.DoesNotContain(result.NotImported, l => l.Contains("OCIRepository", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Round_trip_import_then_synth_renders_the_same_OCIRepository(string repository)
    {
        var original = RepositoryScanner.Scan(Fixtures.Path(repository));
        var imported = StackImporter.Import(original, new ImportOptions { ClassName = "ImportedStack", StackName = "imported" });
        var stack = RoundTripTests.StackOf(imported.Code, imported.ClassName);
        using var folder = new TempRepository();
        foreach (var (path, content) in Rendering.Synthesizer.Synthesize(stack, Rendering.SynthTarget.GitOps))
        {
            folder.Write(path, content);
        }

        var before = Assert.Single(original.Releases, r => r.Chart == "spegel");
        var after = Assert.Single(folder.Scan().Releases, r => r.Chart == "spegel");
        Assert.NotNull(before.OciSource);
        Assert.NotNull(after.OciSource);
        Assert.Equal(Describe(OciRepositoryReader.Read(before.OciSource!)), Describe(OciRepositoryReader.Read(after.OciSource!)));
        Assert.Empty(OciRepositoryReader.NotModelled(after.OciSource!));
    }

    [Fact]
    public void Import_lists_each_OCIRepository_field_the_model_does_not_have()
    {
        using var repo = new TempRepository().Write("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml", """
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: spegel
              namespace: kube-system
            spec:
              interval: 15m
              url: oci://ghcr.io/spegel-org/helm-charts/spegel
              ref:
                tag: 0.7.4
              secretRef:
                name: ghcr-pull
              provider: generic
              certSecretRef:
                name: ghcr-ca
              insecure: false
              ignore: "*.md"
              verify:
                provider: cosign
                secretRef:
                  name: cosign-public-keys
                trustedRootSecretRef:
                  name: sigstore-root
            ---
            """ + "\n" + Snippets.SpegelRelease("""
              values:
                spegel:
                  containerdRegistryConfigPath: /etc/cri/conf.d/hosts
            """));
        var result = StackImporter.Import(repo.Scan());
        var lines = result.NotImported.Where(l => l.Contains("OCIRepository 'spegel'", StringComparison.Ordinal)).ToList();
        foreach (var field in new[] { "spec.ignore (*.md)", "spec.verify.trustedRootSecretRef (name sigstore-root)" })
        {
            Assert.Single(lines, l => l.Contains(field, StringComparison.Ordinal));
        }

        // The pull credentials are modelled: secretRef, provider, certSecretRef and insecure are imported, not listed.
        Assert.Equal(2, lines.Count);
        Assert.Contains("SecretName = \"cosign-public-keys\",", result.Code, StringComparison.Ordinal);
        Assert.Contains("SecretName = \"ghcr-pull\",", result.Code, StringComparison.Ordinal);
        Assert.Contains("Provider = OciRepositoryProvider.Generic,", result.Code, StringComparison.Ordinal);
        Assert.Contains("CertSecretName = \"ghcr-ca\",", result.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("Insecure = ", result.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_repo_reads_and_import_round_trips_the_pull_credentials()
    {
        // The shapes of the Flux docs (https://fluxcd.io/flux/components/source/ocirepositories/): a docker-config pull
        // Secret in secretRef, a CA in certSecretRef, a ServiceAccount with image pull secrets, plain HTTP on a LAN registry.
        using var repo = new TempRepository().Write("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml", """
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: spegel
              namespace: kube-system
            spec:
              interval: 15m
              url: oci://harbor.lan.example.com/charts/spegel
              ref:
                tag: 0.3.0
              secretRef:
                name: harbor-pull
              provider: generic
              certSecretRef:
                name: harbor-ca
              serviceAccountName: chart-reader
              insecure: true
            ---
            """ + "\n" + Snippets.SpegelRelease("""
              values:
                spegel:
                  containerdRegistryConfigPath: /etc/cri/conf.d/hosts
                  mirroredRegistries:
                    - https://docker.io
            """));
        var original = repo.Scan();
        var source = Assert.Single(original.Snapshot.Spegels).ChartSource.Value!;
        Assert.Equal("harbor-pull", source.SecretName.Value);
        Assert.Equal("generic", source.Provider.Value);
        Assert.Equal("harbor-ca", source.CertSecretName.Value);
        Assert.Equal("chart-reader", source.ServiceAccountName.Value);
        Assert.True(source.Insecure.Value);

        var imported = StackImporter.Import(original, new ImportOptions { ClassName = "ImportedStack", StackName = "imported" });
        Assert.DoesNotContain(imported.NotImported, l => l.Contains("OCIRepository", StringComparison.Ordinal));
        var stack = RoundTripTests.StackOf(imported.Code, imported.ClassName);
        using var folder = new TempRepository();
        foreach (var (path, content) in Rendering.Synthesizer.Synthesize(stack, Rendering.SynthTarget.GitOps))
        {
            folder.Write(path, content);
        }

        var before = Assert.Single(original.Releases, r => r.Chart == "spegel");
        var after = Assert.Single(folder.Scan().Releases, r => r.Chart == "spegel");
        Assert.Equal(Describe(OciRepositoryReader.Read(before.OciSource!)), Describe(OciRepositoryReader.Read(after.OciSource!)));
    }

    private static string Describe(ChartSourceInfo s)
    {
        var verify = s.Verify.Value is { } v
            ? $"{v.Provider.Value} secret={v.SecretName.Value} ids=" + string.Join(";", v.MatchOidcIdentity.Select(m => m.Issuer.Value + "|" + m.Subject.Value))
            : "none";
        return $"url={s.Url.Value} tag={s.Tag.Value} semver={s.Semver.Value} filter={s.SemverFilter.Value} digest={s.Digest.Value} interval={s.Interval.Value} verify={verify}"
            + $" secret={s.SecretName.Value} provider={s.Provider.Value} cert={s.CertSecretName.Value} account={s.ServiceAccountName.Value} insecure={s.Insecure.Value}";
    }
}
