using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Repository.Flux;
using ClusterRegistry.Repository.Import;
using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Repository.Tests.Import;

/// <summary>
/// A HelmRelease's <c>spec.postRenderers</c> is read by <c>check --repo</c> into the release's post-renderers and written by
/// <c>import</c> as <c>PostRenderers = { new HelmPostRenderer { … } }</c>; synth renders the same post-renderers back. A
/// Harbor's ClusterIP pin stays what it was (ClusterIP/PinClusterIP, rendered by the stack itself) and is not imported twice.
/// The patch shapes are the Flux docs' (https://fluxcd.io/flux/components/helm/helmreleases/#post-renderers).
/// </summary>
public sealed class PostRendererImportTests
{
    private const string HarborRelease = """
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: harbor
          namespace: harbor
        spec:
          interval: 2h
          url: https://helm.goharbor.io
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: harbor
          namespace: harbor
        spec:
          interval: 1h
          chart:
            spec:
              chart: harbor
              version: 1.17.1
              sourceRef:
                kind: HelmRepository
                name: harbor
          postRenderers:
            - kustomize:
                patches:
                  - target:
                      kind: Service
                      name: harbor
                    patch: |
                      - op: add
                        path: /spec/clusterIP
                        value: 10.43.216.243
            - kustomize:
                patches:
                  - patch: |
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: harbor-core
                        annotations:
                          reloader.stakater.com/auto: "true"
                  - target:
                      group: apps
                      version: v1
                      kind: Deployment
                      name: harbor-registry
                    patch: |
                      - op: add
                        path: /spec/template/spec/priorityClassName
                        value: system-cluster-critical
                images:
                  - name: goharbor/harbor-core
                    newName: harbor.example.com/dockerhub/goharbor/harbor-core
                    newTag: v2.13.1
          values:
            expose:
              type: loadBalancer
              tls:
                enabled: false
              loadBalancer:
                IP: 192.168.1.105
            externalURL: http://192.168.1.105
        """;

    private const string SpegelRelease = """
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
            tag: 0.3.0
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: spegel
          namespace: kube-system
        spec:
          interval: 1h
          chartRef:
            kind: OCIRepository
            name: spegel
          postRenderers:
            - kustomize:
                patches:
                  - target:
                      kind: DaemonSet
                      labelSelector: app.kubernetes.io/name=spegel
                    patch: |
                      - op: add
                        path: /spec/template/spec/tolerations/-
                        value:
                          operator: Exists
                images:
                  - name: ghcr.io/spegel-org/spegel
                    digest: sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
          values:
            spegel:
              containerdRegistryConfigPath: /etc/cri/conf.d/hosts
              mirroredRegistries:
                - https://docker.io
        """;

    private static TempRepository Repo() => new TempRepository()
        .Write("kubernetes/apps/harbor/harbor/app/helmrelease.yaml", HarborRelease)
        .Write("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml", SpegelRelease);

    [Fact]
    public void Check_repo_reads_the_users_post_renderers_and_keeps_the_pin_as_ClusterIP()
    {
        using var repo = Repo();
        var snapshot = repo.Scan().Snapshot;
        var harbor = Assert.Single(snapshot.Harbors);
        Assert.Equal("10.43.216.243", harbor.ClusterIP.Value);
        var renderer = Assert.Single(harbor.PostRenderers);
        Assert.Equal(2, renderer.Patches.Count);
        Assert.Null(renderer.Patches[0].Target.Value);
        Assert.StartsWith("apiVersion: apps/v1", renderer.Patches[0].Patch.Value, StringComparison.Ordinal);
        Assert.Equal(("apps", "v1", "Deployment", "harbor-registry"),
            (renderer.Patches[1].Target.Value!.Group.Value, renderer.Patches[1].Target.Value!.Version.Value, renderer.Patches[1].Target.Value!.Kind.Value, renderer.Patches[1].Target.Value!.Name.Value));
        var image = Assert.Single(renderer.Images);
        Assert.Equal(("goharbor/harbor-core", "harbor.example.com/dockerhub/goharbor/harbor-core", "v2.13.1"), (image.Name.Value, image.NewName.Value, image.NewTag.Value));

        var spegel = Assert.Single(Assert.Single(snapshot.Spegels).PostRenderers);
        Assert.Equal("app.kubernetes.io/name=spegel", spegel.Patches[0].Target.Value!.LabelSelector.Value);
        Assert.Equal("sha256:" + new string('e', 64), spegel.Images[0].Digest.Value);
    }

    [Fact]
    public void Import_writes_HelmPostRenderers_and_synth_renders_the_same_post_renderers_back()
    {
        using var repo = Repo();
        var original = repo.Scan();
        var imported = StackImporter.Import(original, new ImportOptions { ClassName = "ImportedStack", StackName = "imported" });
        Assert.Contains("using ClusterRegistry.Charts;", imported.Code, StringComparison.Ordinal);
        Assert.Contains("new HelmPostRenderer", imported.Code, StringComparison.Ordinal);
        Assert.DoesNotContain(imported.NotImported, l => l.Contains("postRenderers", StringComparison.OrdinalIgnoreCase));

        var stack = RoundTripTests.StackOf(imported.Code, imported.ClassName);
        var harbor = Assert.Single(stack.ResourcesOf<HarborRegistry>());
        Assert.Equal("10.43.216.243", harbor.Args.ClusterIP);
        Assert.True(harbor.Args.PinClusterIP);
        // The pin is not a user post-renderer: imported once, as ClusterIP.
        var renderer = Assert.Single(harbor.Args.PostRenderers);
        Assert.Equal(2, renderer.Patches.Count);
        Assert.Equal("goharbor/harbor-core", Assert.Single(renderer.Images).Name);
        Assert.Single(Assert.Single(stack.ResourcesOf<SpegelRelease>()).Args.PostRenderers);

        using var folder = new TempRepository();
        foreach (var (path, content) in Rendering.Synthesizer.Synthesize(stack, Rendering.SynthTarget.GitOps))
        {
            folder.Write(path, content);
        }

        var back = folder.Scan();
        foreach (var chart in new[] { "harbor", "spegel" })
        {
            var before = Assert.Single(original.Releases, r => r.Chart == chart);
            var after = Assert.Single(back.Releases, r => r.Chart == chart);
            Assert.Equal(Describe(PostRendererReader.Read(before, withoutClusterIpPin: false)), Describe(PostRendererReader.Read(after, withoutClusterIpPin: false)));
        }
    }

    [Fact]
    public void Import_lists_post_renderer_keys_the_model_does_not_have()
    {
        // v2beta1's patchesStrategicMerge is gone from the v2 CRD; Flux v2 rejects it, the model has no place for it.
        using var repo = new TempRepository().Write("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml", SpegelRelease.Replace(
            "  postRenderers:\n    - kustomize:\n",
            "  postRenderers:\n    - kustomize:\n        patchesStrategicMerge:\n          - kind: DaemonSet\n",
            StringComparison.Ordinal));
        var result = StackImporter.Import(repo.Scan());
        Assert.Single(result.NotImported, l => l.Contains("spec.postRenderers[].kustomize.patchesStrategicMerge is not modelled", StringComparison.Ordinal));
        Assert.Contains("new HelmPostRenderer", result.Code, StringComparison.Ordinal);
    }

    private static string Describe(IEnumerable<PostRendererInfo> renderers) => string.Join("\n", renderers.Select(r =>
        "patches: " + string.Join(" | ", r.Patches.Select(p =>
            (p.Target.Value is { } t ? string.Join(",", t.Fields.Select(f => f.Value ?? "-")) : "no target") + " => " + p.Patch.Value))
        + " images: " + string.Join(" | ", r.Images.Select(i => $"{i.Name.Value} {i.NewName.Value} {i.NewTag.Value} {i.Digest.Value}"))));
}
