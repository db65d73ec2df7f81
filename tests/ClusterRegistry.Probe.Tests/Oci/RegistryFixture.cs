using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Images;
using ClusterRegistry.Testing.Registry;

namespace ClusterRegistry.Probe.Tests.Oci;

/// <summary>
/// Three real registries (no auth, htpasswd, token) on loopback, loaded once for the collection with generated images:
/// a 3-layer image, a linux/amd64 + linux/arm64 index, and a ~40 MB single-layer image.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    public const string User = "robot$library+pull";
    public const string Password = "s3cret-Pull-Pass";

    private readonly TempDir temp = new("probe-registries");

    public RegistryProcess Open { get; private set; } = null!;

    public RegistryProcess Basic { get; private set; } = null!;

    public RegistryProcess Token { get; private set; } = null!;

    public OciLayoutBuilder Layout { get; private set; } = null!;

    public OciImage Small { get; private set; } = null!;

    public OciImage Amd64 { get; private set; } = null!;

    public OciImage Arm64 { get; private set; } = null!;

    public OciBlob Index { get; private set; } = null!;

    public OciImage Big { get; private set; } = null!;

    public string TempPath => temp.Path;

    public async Task InitializeAsync()
    {
        var openTask = RegistryProcess.StartAsync(temp.Combine("open"));
        var basicTask = RegistryProcess.StartAsync(temp.Combine("basic"), RegistryAuthMode.Htpasswd, User, Password);
        var tokenTask = RegistryProcess.StartAsync(temp.Combine("token"), RegistryAuthMode.Token, User, Password);
        Layout = new OciLayoutBuilder(temp.Combine("layout"));
        Small = Layout.AddImage([300_000, 200_000, 100_000], seed: 1);
        Layout.Tag("small", Small.Manifest);
        Amd64 = Layout.AddImage([50_000], seed: 2, architecture: "amd64");
        Arm64 = Layout.AddImage([60_000], seed: 3, architecture: "arm64");
        Index = Layout.AddIndex(Amd64, Arm64);
        Layout.Tag("multi", Index);
        Big = Layout.AddImage([40_000_000], seed: 4);
        Layout.Tag("big", Big.Manifest);
        Open = await openTask;
        Basic = await basicTask;
        Token = await tokenTask;
        await Task.WhenAll(
            Skopeo.PushAsync(Layout.Directory, "small", $"{Open.Host}/library/app:v1"),
            Skopeo.PushAsync(Layout.Directory, "multi", $"{Open.Host}/library/multi:v1"),
            Skopeo.PushAsync(Layout.Directory, "big", $"{Open.Host}/library/big:v1"),
            Skopeo.PushAsync(Layout.Directory, "small", $"{Basic.Host}/library/app:v1", User, Password),
            Skopeo.PushAsync(Layout.Directory, "small", $"{Token.Host}/library/app:v1", User, Password),
            Skopeo.PushAsync(Layout.Directory, "small", $"{Token.Host}/library/other:v1", User, Password));
    }

    /// <summary>A fresh image with its own blobs (so a test may corrupt or delete them), pushed to <see cref="Open"/>.</summary>
    public async Task<(OciImage Image, string Reference)> PushUniqueAsync(string repository, int seed, params long[] layerSizes)
    {
        var layout = new OciLayoutBuilder(temp.Combine("layout-" + seed));
        var image = layout.AddImage(layerSizes, seed);
        layout.Tag("t", image.Manifest);
        var reference = $"{Open.Host}/{repository}:v1";
        await Skopeo.PushAsync(layout.Directory, "t", reference);
        return (image, reference);
    }

    public Task DisposeAsync()
    {
        Open?.Dispose();
        Basic?.Dispose();
        Token?.Dispose();
        temp.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "registries";
}
