using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Tests.Rules;

/// <summary>
/// CRG001 on a release's Flux <c>postRenderers</c>: the helm.toolkit.fluxcd.io/v2 CRD requires <c>patches[].patch</c> and
/// <c>images[].name</c>; an empty target selector makes kustomize patch every object; an image entry without a
/// replacement changes nothing; "If digest is present NewTag value is ignored" (the CRD's description of <c>digest</c>).
/// The near misses are the shapes the Flux docs show (https://fluxcd.io/flux/components/helm/helmreleases/#post-renderers).
/// </summary>
public sealed class PostRendererRuleTests
{
    private static KustomizePatchInfo Patch(string patch, PatchTargetInfo? target = null) => new()
    {
        Patch = Val.Known(patch, "L:patch"),
        Target = Val.Known(target, "L:target"),
        Location = "L:patch-item",
    };

    private static KustomizeImageInfo Image(string name, string? newName = null, string? newTag = null, string? digest = null) => new()
    {
        Name = Val.Known(name, "L:image.Name"),
        NewName = Val.Known(newName, "L:image.NewName"),
        NewTag = Val.Known(newTag, "L:image.NewTag"),
        Digest = Val.Known(digest, "L:image.Digest"),
        Location = "L:image",
    };

    private static GoodSnapshot WithHarbor(params PostRendererInfo[] renderers)
    {
        var g = new GoodSnapshot();
        g.Harbor.PostRenderers = new ValList<PostRendererInfo>(renderers) { Location = "L:harbor.PostRenderers" };
        return g;
    }

    private static PostRendererInfo Renderer(IEnumerable<KustomizePatchInfo>? patches = null, IEnumerable<KustomizeImageInfo>? images = null) => new()
    {
        Patches = new ValList<KustomizePatchInfo>(patches ?? []),
        Images = new ValList<KustomizeImageInfo>(images ?? []),
        Location = "L:renderer",
    };

    [Fact]
    public void Near_miss_the_flux_docs_strategic_merge_json6902_and_image_shapes()
    {
        var strategic = Patch("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: mypodinfo\n  labels:\n    xxxx: yyyy\n");
        var json = Patch("- op: add\n  path: /metadata/labels/yyyy\n  value: xxxx\n",
            new PatchTargetInfo { Group = Val.Known<string?>("apps"), Version = Val.Known<string?>("v1"), Kind = Val.Known<string?>("Deployment"), Name = Val.Known<string?>("mypodinfo") });
        var selector = Patch("- op: add\n  path: /spec/priorityClassName\n  value: high\n", new PatchTargetInfo { LabelSelector = Val.Known<string?>("app.kubernetes.io/component=core") });
        var images = new[] { Image("goharbor/harbor-core", newName: "harbor.example.com/dockerhub/goharbor/harbor-core"), Image("ghcr.io/spegel-org/spegel", digest: "sha256:" + new string('e', 64)), Image("nginx", newTag: "1.27") };
        Assert.Empty(WithHarbor(Renderer([strategic, json, selector]), Renderer(images: images)).Run("CRG001"));
    }

    [Theory]
    [InlineData("empty-renderer", "PostRenderers[0]", "neither Patches nor Images")]
    [InlineData("empty-patch", "PostRenderers[0].Patches[0].Patch", "is empty")]
    [InlineData("blank-patch", "PostRenderers[0].Patches[0].Patch", "is empty")]
    [InlineData("empty-target", "PostRenderers[0].Patches[0].Target", "would patch every object")]
    [InlineData("json6902-no-target", "PostRenderers[0].Patches[0].Target", "must specify a target for JSON patch")]
    [InlineData("no-image-name", "PostRenderers[0].Images[0].Name", "is empty")]
    [InlineData("image-no-change", "PostRenderers[0].Images[0]", "sets none of NewName, NewTag or Digest")]
    [InlineData("image-bad-digest", "PostRenderers[0].Images[0].Digest", "is not an image digest")]
    [InlineData("image-tag-and-digest", "PostRenderers[0].Images[0].NewTag", "silently ignores NewTag")]
    public void Refuses_what_flux_rejects_or_what_changes_nothing_or_everything(string kind, string path, string says)
    {
        var renderer = kind switch
        {
            "empty-renderer" => Renderer(),
            "empty-patch" => Renderer([Patch("", new PatchTargetInfo { Kind = Val.Known<string?>("Deployment") })]),
            "blank-patch" => Renderer([Patch("  \n", new PatchTargetInfo { Kind = Val.Known<string?>("Deployment") })]),
            "empty-target" => Renderer([Patch("- op: remove\n  path: /spec/replicas\n", new PatchTargetInfo { Name = Val.Known<string?>("") })]),
            "json6902-no-target" => Renderer([Patch("- op: add\n  path: /spec/template/spec/priorityClassName\n  value: system-cluster-critical\n")]),
            "no-image-name" => Renderer(images: [Image("", newTag: "1.27")]),
            "image-no-change" => Renderer(images: [Image("goharbor/harbor-core")]),
            "image-bad-digest" => Renderer(images: [Image("goharbor/harbor-core", digest: "sha256:abc")]),
            "image-tag-and-digest" => Renderer(images: [Image("goharbor/harbor-core", newTag: "v2.13.0", digest: "sha256:" + new string('a', 64))]),
            _ => throw new ArgumentException(kind),
        };
        var f = Assert.Single(WithHarbor(renderer).Run("CRG001"));
        Assert.Equal(path, f.PropertyPath);
        Assert.Contains(says, f.Message, StringComparison.Ordinal);
        Assert.Equal("HarborRegistry 'harbor'", f.Resource);
    }

    [Fact]
    public void Spegel_post_renderers_are_judged_the_same_way()
    {
        var g = new GoodSnapshot();
        g.Spegel.PostRenderers = new ValList<PostRendererInfo> { Renderer(images: [Image("")]) };
        var f = Assert.Single(g.Run("CRG001"));
        Assert.Equal(("SpegelRelease 'spegel'", "PostRenderers[0].Images[0].Name"), (f.Resource, f.PropertyPath));
    }

    [Fact]
    public void Unknown_values_open_lists_and_repositories_say_nothing()
    {
        // A patch text the analyzer cannot see, a target field it cannot see, and a list that may hold more are not judged.
        var unknownPatch = new KustomizePatchInfo { Patch = Val.Unknown<string>(), Target = Val.Known<PatchTargetInfo?>(new PatchTargetInfo { Kind = Val.Unknown<string?>() }) };
        var open = Renderer();
        open.Patches.HasUnknownEntries = true;
        Assert.Empty(WithHarbor(Renderer([unknownPatch]), open).Run("CRG001"));

        // A hand-written repository is Flux's to judge.
        var g = WithHarbor(Renderer());
        g.Snapshot.FromRepository = true;
        Assert.Empty(g.Run("CRG001"));
    }
}
