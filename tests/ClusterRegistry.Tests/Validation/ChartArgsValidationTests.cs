using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Tests.Support;
using ClusterRegistry.Validation;

namespace ClusterRegistry.Tests.Validation;

/// <summary>
/// The validator synth runs refuses bad post-renderers and OCI pull credentials on the real model (exit 2 naming resource,
/// property and value), including what only C# can write: a provider outside the enum, a null post-renderer, patch or image.
/// </summary>
public sealed class ChartArgsValidationTests
{
    private static OciChartSource Source(Action<OciChartSource> tweak)
    {
        var source = new OciChartSource { Url = "oci://ghcr.io/spegel-org/helm-charts/spegel", Tag = "0.3.0" };
        tweak(source);
        return source;
    }

    private static StackDefinitionException Refused(Action declare) =>
        Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(LambdaStack.Build(declare)));

    [Fact]
    public void A_provider_outside_the_enum_is_refused()
    {
        var e = Refused(() => new SpegelRelease("spegel", new SpegelArgs { ChartSource = Source(s => s.Provider = (OciRepositoryProvider)7) }));
        Assert.Equal(("SpegelRelease 'spegel'", "ChartSource.Provider", "7"), (e.Resource, e.Property, e.Value));
    }

    [Fact]
    public void Pull_credentials_the_flux_docs_show_pass()
    {
        StackValidator.Validate(LambdaStack.Build(() => new SpegelRelease("spegel", new SpegelArgs
        {
            MirroredRegistries = { "https://docker.io" },
            PrependExisting = true,
            ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
            ChartSource = Source(s => { s.SecretName = "ghcr-pull"; s.CertSecretName = "ghcr-ca"; s.Insecure = true; }),
        })));
    }

    [Theory]
    [InlineData("renderer", "PostRenderers[0]")]
    [InlineData("patch", "PostRenderers[0].Patches[0]")]
    [InlineData("image", "PostRenderers[0].Images[0]")]
    public void A_null_post_renderer_patch_or_image_is_refused_not_a_crash(string what, string path)
    {
        var e = Refused(() =>
        {
            var args = new HarborArgs();
            switch (what)
            {
                case "renderer": args.PostRenderers.Add(null!); break;
                case "patch": args.PostRenderers.Add(new HelmPostRenderer { Patches = { null! } }); break;
                default: args.PostRenderers.Add(new HelmPostRenderer { Images = { null! } }); break;
            }

            new HarborRegistry("harbor", args);
        });
        Assert.Equal(("HarborRegistry 'harbor'", path), (e.Resource, e.Property));
    }
}
