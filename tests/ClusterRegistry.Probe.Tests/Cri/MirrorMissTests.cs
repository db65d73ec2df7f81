using ClusterRegistry.Doctor.Sandbox;
using ClusterRegistry.Probe.Cri;
using ClusterRegistry.Probe.Failures;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Containerd;
using ClusterRegistry.Testing.Images;
using ClusterRegistry.Testing.Processes;
using ClusterRegistry.Testing.Registry;

namespace ClusterRegistry.Probe.Tests.Cri;

/// <summary>
/// What a node reports when the robot password is wrong depends on what sits in front of Harbor in hosts.toml (containerd
/// 1.6, remotes/docker resolver: the FIRST error is reported; a 404 sets none). A Spegel that answers 404 (no peer holds
/// the image) lets Harbor's 401 through; a Spegel port that refuses the connection (Spegel not running) is the first error
/// and hides the 401 behind "connection refused". This is why sandboxes put a 404-only <see cref="EmptyMirror"/> where
/// Spegel would be rather than leaving its ports closed.
/// </summary>
public sealed class MirrorMissTests : IAsyncLifetime
{
    private const string User = "robot$mirror-miss";
    private const string Password = "Mirror-Miss-Pass-1";

    private readonly TempDir temp = new("probe-mirror-miss");
    private RegistryProcess? registry;
    private EmptyMirror? empty;
    private ContainerdProcess? behindEmpty;
    private ContainerdProcess? behindRefused;
    private int refusedPort;
    private string image = "";

    public async Task InitializeAsync()
    {
        if (ContainerdProcess.WhyUnavailable() is not null)
        {
            return;
        }

        var address = Loopback.PrivateAddressWithFreePort80();
        registry = await RegistryProcess.StartAsync(temp.Combine("registry"), RegistryAuthMode.Htpasswd, User, Password, address, 80);
        var layout = new OciLayoutBuilder(temp.Combine("layout"));
        var small = layout.AddImage([100_000], seed: 31);
        layout.Tag("t", small.Manifest);
        image = $"{address}/library/app:v1";
        await Skopeo.PushAsync(layout.Directory, "t", $"{registry.Host}/library/app:v1", User, Password);
        empty = new EmptyMirror();
        refusedPort = Loopback.FreePort();
        behindEmpty = await StartAsync("empty", empty.Url, address);
        behindRefused = await StartAsync("refused", $"http://127.0.0.1:{refusedPort}", address);
    }

    private Task<ContainerdProcess> StartAsync(string name, string mirror, string registryAddress)
    {
        // A node view in Talos's form: the mirror first, then the registry itself; the robot with a wrong password.
        var nodeFiles = new Dictionary<string, string>
        {
            [$"{NodeFilePaths.HostsDirectory}/{registryAddress}/hosts.toml"] =
                $"[host]\n  [host.'{mirror}']\n    capabilities = ['pull', 'resolve']\n  [host.'http://{registryAddress}']\n    capabilities = ['pull', 'resolve']\n",
            [NodeFilePaths.CriToml] =
                $"[plugins]\n  [plugins.'io.containerd.cri.v1.images'.registry.configs.'{registryAddress}'.auth]\n    username = '{User}'\n    password = '${{ROBOT_PASSWORD}}'\n",
        };
        var paths = Containerd16Paths.Under(temp.Combine("containerd-" + name));
        var sandbox = Containerd16Config.Translate(nodeFiles, paths, v => v == "ROBOT_PASSWORD" ? "not-the-robot-password" : null);
        return ContainerdProcess.StartAsync(sandbox, paths);
    }

    private async Task<ProbeResult> PullAsync(ContainerdProcess containerd)
    {
        using var puller = new CriPuller(containerd.Socket);
        return await puller.PullAsync(image, 60_000, "sandbox", TimeSpan.FromSeconds(60), cold: true, CancellationToken.None);
    }

    [ContainerdFact]
    public async Task Wrong_password_behind_a_404_mirror_is_reported_as_the_registrys_401()
    {
        var r = await PullAsync(behindEmpty!);
        Assert.True(r.Failure?.Class is FailureClass.Unauthorized, r.Failure?.Message);
        Assert.True(empty!.Requests > 0, "containerd never asked the mirror");
        Assert.DoesNotContain("not-the-robot-password", r.Failure!.Message);
    }

    [ContainerdFact]
    public async Task Wrong_password_behind_a_refused_mirror_port_is_reported_as_the_refused_dial()
    {
        var r = await PullAsync(behindRefused!);
        Assert.True(r.Failure?.Class is FailureClass.ConnectionRefused, r.Failure?.Message);
        Assert.Contains($"127.0.0.1:{refusedPort}", r.Failure!.Message);
    }

    public Task DisposeAsync()
    {
        behindEmpty?.Dispose();
        behindRefused?.Dispose();
        empty?.Dispose();
        registry?.Dispose();
        temp.Dispose();
        return Task.CompletedTask;
    }
}
