using System.Text.Json.Nodes;
using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Rendering.Tests.GitOps;

/// <summary>
/// User-declared Flux <c>postRenderers</c> (<see cref="HelmPostRenderer"/>) on Harbor and Spegel: rendered after the
/// ClusterIP pin the stack adds itself, in declaration order, in the shape of the helm.toolkit.fluxcd.io/v2 CRD
/// (<c>kustomize.patches[].{target,patch}</c>, <c>kustomize.images[].{name,newName,newTag,digest}</c>), valid against it
/// with no unknown field, the same bytes on every render. The patches are the two kinds the Flux docs show
/// (https://fluxcd.io/flux/components/helm/helmreleases/#post-renderers): a strategic-merge patch naming its object, and a
/// JSON 6902 patch with a group/version/kind/name target.
/// </summary>
public sealed class PostRendererTests
{
    private const string StrategicMerge = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: harbor-core\n  annotations:\n    reloader.stakater.com/auto: \"true\"\n";
    private const string Json6902 = "- op: add\n  path: /spec/template/spec/priorityClassName\n  value: system-cluster-critical\n";

    private static Stack Build(bool pin = true) => TestStack.Build(() =>
    {
        new HarborRegistry("harbor", new HarborArgs
        {
            LoadBalancerIP = "192.168.1.105",
            ClusterIP = "10.43.216.243",
            PinClusterIP = pin,
            ServiceSubnet = "10.43.0.0/16",
            Tls = false,
            PostRenderers =
            {
                new HelmPostRenderer
                {
                    Patches =
                    {
                        new KustomizePatch { Patch = StrategicMerge },
                        new KustomizePatch
                        {
                            Target = new KustomizePatchTarget { Group = "apps", Version = "v1", Kind = "Deployment", Name = "harbor-registry" },
                            Patch = Json6902,
                        },
                    },
                },
                new HelmPostRenderer
                {
                    Images = { new KustomizeImage { Name = "goharbor/harbor-core", NewName = "harbor.example.com/dockerhub/goharbor/harbor-core" } },
                },
            },
        });
        new SpegelRelease("spegel", new SpegelArgs
        {
            MirroredRegistries = { "https://docker.io" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            PostRenderers =
            {
                new HelmPostRenderer
                {
                    Patches =
                    {
                        new KustomizePatch
                        {
                            Target = new KustomizePatchTarget { Kind = "DaemonSet", LabelSelector = "app.kubernetes.io/name=spegel" },
                            Patch = "- op: add\n  path: /spec/template/spec/tolerations/-\n  value:\n    operator: Exists\n",
                        },
                    },
                    Images = { new KustomizeImage { Name = "ghcr.io/spegel-org/spegel", Digest = "sha256:" + new string('e', 64) } },
                },
            },
        });
    });

    private static JsonObject Release(RenderedTree tree, string app) => YamlJson.Documents(tree[app + "helmrelease.yaml"]).Single()!.AsObject();

    [Fact]
    public void Harbor_user_post_renderers_follow_the_ClusterIP_pin_in_declaration_order()
    {
        var renderers = Release(GitOpsRenderer.Render(Build()), "kubernetes/apps/harbor/harbor/app/")["spec"]!["postRenderers"]!.AsArray();
        Assert.Equal(3, renderers.Count);

        // First the stack's own pin of the expose Service's clusterIP.
        var pin = renderers[0]!["kustomize"]!["patches"]![0]!;
        Assert.Equal("Service", (string?)pin["target"]!["kind"]);
        Assert.Contains("/spec/clusterIP", (string?)pin["patch"], StringComparison.Ordinal);

        // Then the user's, as written: a strategic-merge patch without target, a JSON 6902 patch with its target.
        var patches = renderers[1]!["kustomize"]!["patches"]!.AsArray();
        Assert.Null(patches[0]!["target"]);
        Assert.Equal(StrategicMerge, (string?)patches[0]!["patch"]);
        Assert.Equal(Json6902, (string?)patches[1]!["patch"]);
        Assert.Equal("""{"group":"apps","version":"v1","kind":"Deployment","name":"harbor-registry"}""", patches[1]!["target"]!.ToJsonString());
        Assert.Null(renderers[1]!["kustomize"]!["images"]);

        var image = renderers[2]!["kustomize"]!["images"]![0]!;
        Assert.Equal("""{"name":"goharbor/harbor-core","newName":"harbor.example.com/dockerhub/goharbor/harbor-core"}""", image.ToJsonString());
        Assert.Null(renderers[2]!["kustomize"]!["patches"]);
    }

    [Fact]
    public void Without_the_pin_only_the_users_post_renderers_are_rendered()
    {
        var renderers = Release(GitOpsRenderer.Render(Build(pin: false)), "kubernetes/apps/harbor/harbor/app/")["spec"]!["postRenderers"]!.AsArray();
        Assert.Equal(2, renderers.Count);
        Assert.Equal(StrategicMerge, (string?)renderers[0]!["kustomize"]!["patches"]![0]!["patch"]);
    }

    [Fact]
    public void Spegel_renders_its_post_renderer_with_patch_and_image_in_the_CRDs_yaml()
    {
        var text = GitOpsRenderer.Render(Build())["kubernetes/apps/kube-system/spegel/app/helmrelease.yaml"].ReplaceLineEndings("\n");
        Assert.Contains("""
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
            """.ReplaceLineEndings("\n"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_HelmRelease_validates_against_the_CRD_and_renders_the_same_bytes_twice()
    {
        var tree = GitOpsRenderer.Render(Build());
        Assert.Equal(tree.ToDictionary(f => f.Key, f => f.Value), GitOpsRenderer.Render(Build()).ToDictionary(f => f.Key, f => f.Value));
        var releases = 0;
        foreach (var (path, content) in tree.Where(f => f.Key.EndsWith("helmrelease.yaml", StringComparison.Ordinal)))
        {
            foreach (var doc in YamlJson.Documents(content))
            {
                var errors = Schemas.Errors(Schemas.Crd("flux-helmrelease-crd.yaml", "v2"), doc);
                Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors)}");
                var unknown = Schemas.UnknownFields(Schemas.CrdSchemaNode("flux-helmrelease-crd.yaml", "v2"), doc);
                Assert.True(unknown.Count == 0, $"{path}: unknown fields {string.Join(", ", unknown)}");
                releases++;
            }
        }

        Assert.Equal(2, releases);
    }
}
