using ClusterRegistry.Probe.Cri;
using ClusterRegistry.Probe.Failures;
using ClusterRegistry.Testing.Containerd;

namespace ClusterRegistry.Probe.Tests.Cri;

[Collection(ContainerdCollection.Name)]
public sealed class CriPullerTests(ContainerdFixture f)
{
    private async Task<ProbeResult> Pull(string image, string? socket = null, TimeSpan? timeout = null)
    {
        using var puller = new CriPuller(socket ?? f.Containerd.Socket);
        return await puller.PullAsync(image, 60_000, "sandbox", timeout ?? TimeSpan.FromSeconds(60), cold: true, CancellationToken.None);
    }

    [ContainerdFact]
    public async Task Pull_of_the_registry_name_goes_through_hosts_toml_and_cri_toml_auth_and_is_cold_every_time()
    {
        var first = await Pull(f.AppImage);
        Assert.True(first.Failure is null, first.Failure?.Message + "\n" + f.Containerd.ReadLog());
        Assert.Equal(f.Small.Manifest.Digest, first.Digest);
        Assert.True(first.Bytes > 0);
        Assert.True(first.DurationMs > 0);

        var second = await Pull(f.AppImage);
        Assert.True(second.Failure is null, second.Failure?.Message);
        Assert.Equal("true", second.Notes["removedBefore"]);

        // containerd's content store really holds the pulled layers (the bytes came through the mirror).
        var content = await f.Containerd.CtrAsync("content", "ls", "-q");
        Assert.Contains(f.Small.Layers[0].Digest, content.StandardOutput);
    }

    [ContainerdFact]
    public async Task Forty_megabyte_image_pulls_through_the_mirror()
    {
        var r = await Pull(f.BigImage);
        Assert.True(r.Failure is null, r.Failure?.Message);
        Assert.Equal(f.Big.Manifest.Digest, r.Digest);
    }

    [ContainerdFact]
    public async Task Unknown_tag_misses_the_mirror_then_fails_on_containerds_upstream_fallback()
    {
        // The hosts.toml mirror answers 404, so containerd (no server line, i.e. fallback enabled) tries the upstream
        // https://127.0.0.105 itself, where nothing listens in the sandbox: containerd reports only that last error.
        var r = await Pull("127.0.0.105/library/app:missing-tag");
        Assert.Equal(FailureClass.ConnectionRefused, r.Failure?.Class);
        Assert.Contains("127.0.0.105:443", r.Failure!.Message);
        Assert.Contains("missing-tag", r.Failure.Message);
    }

    [ContainerdFact]
    public async Task Wrong_robot_password_in_cri_toml_is_unauthorized()
    {
        var r = await Pull(f.AppImage, f.WrongPassword.Socket);
        Assert.True(r.Failure?.Class is FailureClass.Unauthorized, r.Failure?.Message);
        Assert.DoesNotContain("not-the-password", r.Failure!.Message);
    }

    [ContainerdFact]
    public async Task Missing_socket_is_connection_refused()
    {
        var r = await Pull(f.AppImage, "/tmp/no-such-dir-" + Guid.NewGuid().ToString("N") + "/containerd.sock");
        Assert.Equal(FailureClass.ConnectionRefused, r.Failure?.Class);
    }
}
