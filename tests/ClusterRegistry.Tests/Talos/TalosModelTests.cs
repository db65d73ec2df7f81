using ClusterRegistry.Talos;
using ClusterRegistry.Tests.Support;

namespace ClusterRegistry.Tests.Talos;

public sealed class TalosModelTests
{
    [Fact]
    public void Files_default_to_op_create()
    {
        var file = new TalosFile();
        Assert.Equal(TalosFileOp.Create, file.Op);
        Assert.Equal("", file.Path);
        Assert.Null(file.Permissions);
        Assert.Equal("/etc/cri/conf.d/20-customization.part", TalosFile.CriCustomizationPath);
    }

    [Fact]
    public void Spegel_customisation_keeps_unpacked_layers_on_the_containerd2_images_plugin()
    {
        var c = TalosCriCustomization.SpegelKeepUnpackedLayers();
        Assert.Equal("spegel", c.Name);
        Assert.Equal("[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n", c.Content);
    }

    [Theory]
    [InlineData("v1.11", 1, 11)]
    [InlineData("1.12", 1, 12)]
    [InlineData("v1.11.6", 1, 11)]
    [InlineData("v1.14.0-rc.1", 1, 14)]
    public void Versions_parse(string text, int major, int minor)
    {
        Assert.True(TalosVersion.TryParse(text, out var v));
        Assert.Equal(new TalosVersion(major, minor), v);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("v1")]
    [InlineData("v1.x")]
    [InlineData("v1.2.3.4")]
    public void Bad_versions_do_not_parse(string? text) => Assert.False(TalosVersion.TryParse(text, out _));

    [Fact]
    public void Version_decides_the_configuration_form()
    {
        Assert.False(TalosVersion.V1_11.UsesMultiDocRegistryConfig);
        Assert.True(TalosVersion.V1_12.UsesMultiDocRegistryConfig);
        Assert.False(new TalosVersion(1, 13).UsesCriCustomizationDocument);
        Assert.True(TalosVersion.V1_14.UsesCriCustomizationDocument);
        Assert.False(new TalosVersion(1, 7).UsesContainerd2);
        Assert.True(TalosVersion.V1_8.UsesContainerd2);
        Assert.True(new TalosVersion(2, 0) > new TalosVersion(1, 99));
        Assert.Equal("v1.11", TalosVersion.V1_11.ToString());
    }

    [Fact]
    public void Malformed_version_on_a_patch_names_patch_property_and_value()
    {
        TalosMachinePatch? patch = null;
        LambdaStack.Build(() => patch = new TalosMachinePatch("machine-network", new TalosMachinePatchArgs { TalosVersion = "one-eleven" }));
        var e = Assert.Throws<StackDefinitionException>(() => patch!.Version);
        Assert.Equal(("machine-network", "TalosVersion", "one-eleven"), (e.Resource, e.Property, e.Value));
    }
}
