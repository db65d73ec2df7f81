using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Flux;

/// <summary>
/// A HelmRelease's <c>spec.postRenderers</c> (helm.toolkit.fluxcd.io/v2: <c>kustomize.patches[]</c> with <c>patch</c> and
/// <c>target</c>, <c>kustomize.images[]</c>) → the model's post-renderers (<see cref="PostRendererInfo"/>, the stack's
/// <c>HelmPostRenderer</c>). A Harbor's ClusterIP pin (a JSON 6902 patch adding <c>/spec/clusterIP</c> to a Service) is left
/// out on request: the model expresses it as <c>ClusterIP</c>/<c>PinClusterIP</c> and renders it itself. Keys the model does
/// not have (v2beta1's <c>patchesStrategicMerge</c>/<c>patchesJson6902</c>, anything else) are listed by <see cref="NotModelled"/>.
/// </summary>
public static class PostRendererReader
{
    private static readonly HashSet<string> ModelledKustomize = new(StringComparer.Ordinal) { "patches", "images" };

    public static ValList<PostRendererInfo> Read(HelmReleaseInfo release, bool withoutClusterIpPin)
    {
        ArgumentNullException.ThrowIfNull(release);
        var ctx = release.Context;
        var list = YamlNav.At(release.Object.Document, "spec", "postRenderers");
        var result = new ValList<PostRendererInfo> { Location = ctx.Loc(list ?? release.Object.NameNode) };
        foreach (var pr in YamlNav.Items(list))
        {
            var kustomize = YamlNav.Get(pr, "kustomize");
            var info = new PostRendererInfo { Location = ctx.Loc(pr) };
            var patches = YamlNav.Get(kustomize, "patches");
            info.Patches = new ValList<KustomizePatchInfo> { Location = ctx.Loc(patches ?? pr) };
            foreach (var patch in YamlNav.Items(patches))
            {
                if (withoutClusterIpPin && IsClusterIpPin(patch))
                {
                    continue;
                }

                var target = YamlNav.Get(patch, "target");
                info.Patches.Add(new KustomizePatchInfo
                {
                    Patch = ctx.Str(YamlNav.Get(patch, "patch")),
                    Target = target is null || YamlNav.IsNull(target)
                        ? Val<PatchTargetInfo?>.Known(null, ctx.Loc(patch))
                        : Val<PatchTargetInfo?>.Known(new PatchTargetInfo
                        {
                            Group = ctx.OptStr(YamlNav.Get(target, "group")),
                            Version = ctx.OptStr(YamlNav.Get(target, "version")),
                            Kind = ctx.OptStr(YamlNav.Get(target, "kind")),
                            Name = ctx.OptStr(YamlNav.Get(target, "name")),
                            Namespace = ctx.OptStr(YamlNav.Get(target, "namespace")),
                            LabelSelector = ctx.OptStr(YamlNav.Get(target, "labelSelector")),
                            AnnotationSelector = ctx.OptStr(YamlNav.Get(target, "annotationSelector")),
                            Location = ctx.Loc(target),
                        }, ctx.Loc(target)),
                    Location = ctx.Loc(patch),
                });
            }

            var images = YamlNav.Get(kustomize, "images");
            info.Images = new ValList<KustomizeImageInfo> { Location = ctx.Loc(images ?? pr) };
            foreach (var image in YamlNav.Items(images))
            {
                info.Images.Add(new KustomizeImageInfo
                {
                    Name = ctx.Str(YamlNav.Get(image, "name")),
                    NewName = ctx.OptStr(YamlNav.Get(image, "newName")),
                    NewTag = ctx.OptStr(YamlNav.Get(image, "newTag")),
                    Digest = ctx.OptStr(YamlNav.Get(image, "digest")),
                    Location = ctx.Loc(image),
                });
            }

            // A renderer that held only the pin is the model's own; one that keeps other patches or images is the user's.
            var hadOthers = YamlNav.Items(images).Any() || YamlNav.Items(patches).Any(p => !IsClusterIpPin(p)) || !YamlNav.Items(patches).Any();
            if (!withoutClusterIpPin || hadOthers)
            {
                result.Add(info);
            }
        }

        return result;
    }

    /// <summary>
    /// The postRenderers keys the model does not express (a post-renderer without <c>kustomize</c>, v2beta1's
    /// <c>patchesStrategicMerge</c>/<c>patchesJson6902</c>, …), one line each with file and line.
    /// </summary>
    public static IReadOnlyList<string> NotModelled(HelmReleaseInfo release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var ctx = release.Context;
        var lines = new List<string>();
        foreach (var pr in YamlNav.Items(YamlNav.At(release.Object.Document, "spec", "postRenderers")))
        {
            foreach (var (key, _) in YamlNav.Entries(pr))
            {
                if (YamlNav.Text(key) is { } name && name != "kustomize")
                {
                    lines.Add($"{release.Object.Source.RelativePath}:{ctx.Line(key)}: HelmRelease '{release.Object.Name}': spec.postRenderers[].{name} is not modelled by HelmPostRenderer; not imported");
                }
            }

            foreach (var (key, _) in YamlNav.Entries(YamlNav.Get(pr, "kustomize")))
            {
                if (YamlNav.Text(key) is { } name && !ModelledKustomize.Contains(name))
                {
                    lines.Add($"{release.Object.Source.RelativePath}:{ctx.Line(key)}: HelmRelease '{release.Object.Name}': spec.postRenderers[].kustomize.{name} is not modelled by HelmPostRenderer; not imported");
                }
            }
        }

        return lines;
    }

    /// <summary>A patch on a Service that sets its clusterIP (JSON 6902 <c>/spec/clusterIP</c> or a strategic merge <c>clusterIP:</c>).</summary>
    public static bool IsClusterIpPin(YamlNode patch) =>
        YamlNav.TextAt(patch, "target", "kind") == "Service"
        && YamlNav.Text(YamlNav.Get(patch, "patch")) is { } text
        && (text.Contains("/spec/clusterIP", StringComparison.Ordinal) || text.Split('\n').Any(l => l.Trim().StartsWith("clusterIP:", StringComparison.Ordinal)));
}
