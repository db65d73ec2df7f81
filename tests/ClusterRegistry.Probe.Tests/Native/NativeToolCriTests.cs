using System.Text.Json;
using ClusterRegistry.Probe.Tests.Cri;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Probe.Tests.Native;

/// <summary>The Native AOT binary's CRI mode: gRPC over a private containerd 1.6's unix socket (<see cref="ContainerdFixture"/>).</summary>
[Collection(ContainerdCollection.Name)]
public sealed class NativeToolCriTests(ContainerdFixture f) : IDisposable
{
    private readonly TempDir temp = new("probe-native-cri");

    [NativeToolContainerdFact]
    public async Task Cri_pull_through_hosts_toml_and_cri_toml_auth_reports_the_digest_and_lands_in_the_history()
    {
        var db = temp.Combine("history.db");
        var run = await NativeTool.RunAsync("probe", f.AppImage, "--via", "cri", "--socket", f.Containerd.Socket, "--json", "--budget", "1m", "--history", db);
        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput + "\n" + f.Containerd.ReadLog());
        using var doc = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("cri", doc.RootElement.GetProperty("via").GetString());
        Assert.Equal(f.Small.Manifest.Digest, doc.RootElement.GetProperty("digest").GetString());
        Assert.True(doc.RootElement.GetProperty("withinBudget").GetBoolean());
        Assert.Equal("cri", Assert.Single(new History.ProbeHistory(db).Query()).Via);
    }

    [NativeToolContainerdFact]
    public async Task Wrong_robot_password_is_unauthorized_through_the_runtime()
    {
        var run = await NativeTool.RunAsync("probe", f.AppImage, "--via", "cri", "--socket", f.WrongPassword.Socket, "--json", "--no-history");
        Assert.Equal(2, run.ExitCode);
        using var doc = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("unauthorized", doc.RootElement.GetProperty("failure").GetProperty("class").GetString());
        Assert.DoesNotContain("not-the-password", run.StandardOutput + run.StandardError);
    }

    public void Dispose() => temp.Dispose();
}
