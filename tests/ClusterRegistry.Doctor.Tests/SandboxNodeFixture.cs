using ClusterRegistry.Doctor.Sandbox;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Containerd;
using ClusterRegistry.Testing.Images;
using ClusterRegistry.Testing.Processes;
using ClusterRegistry.Testing.Registry;

namespace ClusterRegistry.Doctor.Tests;

/// <summary>
/// What ./sandbox.sh builds, for tests: a registry with the pull robot (htpasswd) on a private loopback "ClusterIP", an
/// image pushed with skopeo, and — per test — a real containerd 1.6 whose root is a Talos-like node root written by
/// <see cref="SandboxNode"/> from the stack's node view.
/// </summary>
public sealed class SandboxNodeFixture : IAsyncLifetime
{
    public const string User = "robot$cluster-pull";
    public const string Password = "Doctor-Robot-Pass-1";

    private readonly TempDir temp = new("doctor-node");
    private int nodes;

    public string? Unavailable { get; } = ContainerdProcess.WhyUnavailable();

    public RegistryProcess Registry { get; private set; } = null!;

    public Stack Stack { get; private set; } = null!;

    public string Image => LoopbackLocalStack.RegistryName + "/library/app:v1";

    public static string? Lookup(string variable) => variable switch
    {
        "HARBOR_ROBOT_USERNAME" => User,
        "HARBOR_ROBOT_PASSWORD" => Password,
        _ => null,
    };

    public async Task InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        var address = Loopback.PrivateAddressWithFreePort80();
        Registry = await RegistryProcess.StartAsync(temp.Combine("registry"), RegistryAuthMode.Htpasswd, User, Password, address, 80);
        var layout = new OciLayoutBuilder(temp.Combine("layout"));
        layout.Tag("app", layout.AddImage([2_000_000], seed: 61).Manifest);
        await Skopeo.PushAsync(layout.Directory, "app", $"{Registry.Host}/library/app:v1", User, Password);
        Stack = ClusterRegistry.Stack.Build(() => new LoopbackLocalStack(address));
    }

    /// <summary>Applies the node view to a fresh node root and starts containerd on it.</summary>
    public async Task<(SandboxNodeLayout Layout, ContainerdProcess Containerd)> StartNodeAsync()
    {
        var layout = SandboxNode.Apply(Stack, LoopbackLocalStack.Node, temp.Combine($"node{Interlocked.Increment(ref nodes)}"), Lookup);
        var containerd = await ContainerdProcess.StartAsync(SandboxNode.Translate(Stack, LoopbackLocalStack.Node, layout, Lookup), layout.ToContainerdPaths());
        return (layout, containerd);
    }

    public Task DisposeAsync()
    {
        Registry?.Dispose();
        temp.Dispose();
        return Task.CompletedTask;
    }
}
