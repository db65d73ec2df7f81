using ClusterRegistry.Doctor.Sandbox;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Containerd;
using ClusterRegistry.Testing.Images;
using ClusterRegistry.Testing.Processes;
using ClusterRegistry.Testing.Registry;
using Stacks;

namespace ClusterRegistry.Probe.Tests.Cri;

/// <summary>
/// The seed's whole mechanism on loopback: a registry standing in for Harbor's ClusterIP (htpasswd robot auth) on port 80 of
/// a private 127.77.x.y address, and a containerd 1.6 configured from the local stack's node view — hosts.toml sends
/// <c>127.0.0.105/library/app:v1</c> to <c>http://harbor.harbor.svc.cluster.local</c>, the private /etc/hosts maps that
/// name to the registry, and cri.toml's auth logs in as the robot. A second containerd has a wrong password.
/// </summary>
public sealed class ContainerdFixture : IAsyncLifetime
{
    public const string User = "robot$cluster-pull";
    public const string Password = "Robot-Pass-123";

    private readonly TempDir temp = new("probe-containerd");

    public string? Unavailable { get; } = ContainerdProcess.WhyUnavailable();

    public RegistryProcess Registry { get; private set; } = null!;

    public ContainerdProcess Containerd { get; private set; } = null!;

    public ContainerdProcess WrongPassword { get; private set; } = null!;

    public OciImage Small { get; private set; } = null!;

    public OciImage Big { get; private set; } = null!;

    public Containerd16Sandbox Sandbox { get; private set; } = null!;

    public string AppImage => LocalStack.RegistryName + "/library/app:v1";

    public string BigImage => LocalStack.RegistryName + "/library/big:v1";

    public async Task InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        var address = Loopback.PrivateAddressWithFreePort80();
        Registry = await RegistryProcess.StartAsync(temp.Combine("registry"), RegistryAuthMode.Htpasswd, User, Password, address, 80);
        var layout = new OciLayoutBuilder(temp.Combine("layout"));
        Small = layout.AddImage([400_000, 100_000], seed: 11);
        layout.Tag("small", Small.Manifest);
        Big = layout.AddImage([40_000_000], seed: 12);
        layout.Tag("big", Big.Manifest);
        await Task.WhenAll(
            Skopeo.PushAsync(layout.Directory, "small", $"{Registry.Host}/library/app:v1", User, Password),
            Skopeo.PushAsync(layout.Directory, "big", $"{Registry.Host}/library/big:v1", User, Password));

        var nodeFiles = HandWrittenNodeView.For(Stack.Build(() => new LocalStack()));
        var remap = new Dictionary<string, string> { [LocalStack.ClusterIp] = address };
        var paths = Containerd16Paths.Under(temp.Combine("containerd"));
        Sandbox = Containerd16Config.Translate(nodeFiles, paths, v => v switch
        {
            "HARBOR_ROBOT_USERNAME" => User,
            "HARBOR_ROBOT_PASSWORD" => Password,
            _ => null,
        }, remap);
        var wrongPaths = Containerd16Paths.Under(temp.Combine("containerd-wrong"));
        var wrong = Containerd16Config.Translate(nodeFiles, wrongPaths, v => v switch
        {
            "HARBOR_ROBOT_USERNAME" => User,
            "HARBOR_ROBOT_PASSWORD" => "not-the-password",
            _ => null,
        }, remap);
        var a = ContainerdProcess.StartAsync(Sandbox, paths);
        var b = ContainerdProcess.StartAsync(wrong, wrongPaths);
        Containerd = await a;
        WrongPassword = await b;
    }

    public Task DisposeAsync()
    {
        Containerd?.Dispose();
        WrongPassword?.Dispose();
        Registry?.Dispose();
        temp.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ContainerdCollection : ICollectionFixture<ContainerdFixture>
{
    public const string Name = "containerd";
}
