using System.Text.Json.Nodes;
using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Pulumi.Tests.Validation;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Pulumi.Tests;

/// <summary>
/// User-declared Flux post-renderers in the Pulumi program: with Flux delivery the HelmRelease inside the ConfigGroup carries
/// them as the GitOps tree does; a direct Helm release cannot apply them (helm-controller runs them in the cluster, while the
/// Helm release's <c>postrender</c> runs a binary on the machine running pulumi), so it is refused naming resource,
/// property and value.
/// </summary>
public sealed class PostRendererProgramTests
{
    private sealed class S(ReleaseDelivery delivery, bool harbor) : Stack("post-renderers")
    {
        public S Declare()
        {
            var renderer = new HelmPostRenderer
            {
                Patches =
                {
                    new KustomizePatch
                    {
                        Target = new KustomizePatchTarget { Kind = "DaemonSet", Name = "spegel" },
                        Patch = "- op: add\n  path: /spec/template/spec/priorityClassName\n  value: system-node-critical\n",
                    },
                },
            };
            if (harbor)
            {
                var args = new HarborArgs { LoadBalancerIP = "192.168.1.105", Tls = false, Delivery = delivery };
                args.PostRenderers.Add(renderer);
                new HarborRegistry("harbor", args);
            }
            else
            {
                var args = new SpegelArgs { MirroredRegistries = { "https://docker.io" }, PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts", Delivery = delivery };
                args.PostRenderers.Add(renderer);
                new SpegelRelease("spegel", args);
            }

            return this;
        }
    }

    private static Stack Build(ReleaseDelivery delivery, bool harbor = false) => Stack.Build(() => new S(delivery, harbor).Declare());

    [Fact]
    public void Flux_delivery_puts_the_post_renderers_on_the_HelmRelease_schema_valid()
    {
        var objs = JsonNode.Parse(new PulumiProgramEmitter().Emit(Build(ReleaseDelivery.Flux)).ToJson())!["resources"]!.AsObject()
            .Where(r => (string)r.Value!["type"]! == "kubernetes:yaml/v2:ConfigGroup")
            .SelectMany(r => r.Value!["properties"]!["objs"]!.AsArray())
            .Select(o => o!.AsObject())
            .ToList();
        var release = Assert.Single(objs, o => (string)o["kind"]! == "HelmRelease");
        var patch = release["spec"]!["postRenderers"]![0]!["kustomize"]!["patches"]![0]!;
        Assert.Equal("DaemonSet", (string?)patch["target"]!["kind"]);
        Assert.StartsWith("- op: add", (string?)patch["patch"], StringComparison.Ordinal);
        var problems = objs.SelectMany(FluxCrds.Validate).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(false, "SpegelRelease 'spegel'")]
    [InlineData(true, "HarborRegistry 'harbor'")]
    public void Helm_delivery_refuses_post_renderers(bool harbor, string resource)
    {
        var e = Assert.Throws<StackDefinitionException>(() => new PulumiProgramEmitter().Emit(Build(ReleaseDelivery.Helm, harbor)));
        Assert.Equal(resource, e.Resource);
        Assert.Equal("PostRenderers[0]", e.Property);
        Assert.Equal("kustomize: 1 patch(es), 0 image(s)", e.Value);
        Assert.Contains("ReleaseDelivery.Flux", e.Reason, StringComparison.Ordinal);
    }
}
