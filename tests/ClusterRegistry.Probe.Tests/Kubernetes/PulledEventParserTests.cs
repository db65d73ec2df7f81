using ClusterRegistry.Probe.Kubernetes;

namespace ClusterRegistry.Probe.Tests.Kubernetes;

/// <summary>Every historical kubelet Pulled-event format (kubernetes/kubernetes pkg/kubelet/images/image_manager.go;
/// PRs #91563, #111772, #117276, #121719).</summary>
public sealed class PulledEventParserTests
{
    [Fact]
    public void Kubelet_1_30_with_image_size()
    {
        Assert.True(PulledEventParser.TryParse("Successfully pulled image \"nginx\" in 1m0.809s (1m0.809s including waiting). Image size: 187694648 bytes.", out var e));
        Assert.Equal("nginx", e.Image);
        Assert.Equal(PulledEventFormat.WithImageSize, e.Format);
        Assert.Equal(60_809, e.PullDuration!.Value.TotalMilliseconds);
        Assert.Equal(60_809, e.IncludingWaiting!.Value.TotalMilliseconds);
        Assert.Equal(187694648, e.ImageSizeBytes);
    }

    [Fact]
    public void Kubelet_1_28_truncated_milliseconds_with_waiting()
    {
        Assert.True(PulledEventParser.TryParse("Successfully pulled image \"192.168.1.105/library/myapp:v1\" in 542ms (4.614s including waiting)", out var e));
        Assert.Equal("192.168.1.105/library/myapp:v1", e.Image);
        Assert.Equal(PulledEventFormat.IncludingWaiting, e.Format);
        Assert.Equal(542, e.PullDuration!.Value.TotalMilliseconds);
        Assert.Equal(4614, e.IncludingWaiting!.Value.TotalMilliseconds);
        Assert.Null(e.ImageSizeBytes);
    }

    [Fact]
    public void Kubelet_1_26_full_precision_with_waiting()
    {
        Assert.True(PulledEventParser.TryParse("Successfully pulled image \"a/b:c\" in 4.614356447s (4.614356447s including waiting)", out var e));
        Assert.Equal(4614.356447, e.PullDuration!.Value.TotalMilliseconds, 3);
    }

    [Fact]
    public void Kubelet_1_19_duration_only()
    {
        Assert.True(PulledEventParser.TryParse("Successfully pulled image \"busybox\" in 49.657983991s", out var e));
        Assert.Equal(PulledEventFormat.Duration, e.Format);
        Assert.Equal(49657.983991, e.PullDuration!.Value.TotalMilliseconds, 3);
        Assert.Null(e.IncludingWaiting);
    }

    [Fact]
    public void Kubelet_1_18_no_duration()
    {
        Assert.True(PulledEventParser.TryParse("Successfully pulled image \"busybox:1.36\"", out var e));
        Assert.Equal(PulledEventFormat.NoDuration, e.Format);
        Assert.Null(e.PullDuration);
        var r = new ProbeResult { Image = "busybox:1.36", Via = ProbeVia.Kubernetes, Node = "n1" };
        KubernetesPuller.Fill(r, e, "m");
        Assert.NotNull(r.Failure);
    }

    [Theory]
    [InlineData("Container image \"nginx:1.27\" already present on machine")]
    [InlineData("Container image \"nginx:1.27\" already present on machine and can be accessed by the pod")]
    public void Already_present_is_recognised_and_is_not_a_measurement(string message)
    {
        Assert.True(PulledEventParser.TryParse(message, out var e));
        Assert.Equal(PulledEventFormat.AlreadyPresent, e.Format);
        Assert.Equal("nginx:1.27", e.Image);
        var r = new ProbeResult { Image = "nginx:1.27", Via = ProbeVia.Kubernetes, Node = "n1" };
        KubernetesPuller.Fill(r, e, message);
        Assert.Contains("already present", r.Failure!.Message);
    }

    [Fact]
    public void Fill_takes_the_pull_duration_and_size()
    {
        Assert.True(PulledEventParser.TryParse("Successfully pulled image \"x\" in 842ms (1.2s including waiting). Image size: 40000000 bytes.", out var e));
        var r = new ProbeResult { Image = "x", Via = ProbeVia.Kubernetes, Node = "n1", BudgetMs = 1000 };
        KubernetesPuller.Fill(r, e, "m");
        Assert.Equal(842, r.DurationMs);
        Assert.Equal(40_000_000, r.Bytes);
        Assert.Equal("1200", r.Notes["includingWaitingMs"]);
        Assert.True(r.WithinBudget);
    }

    [Theory]
    [InlineData("Pulling image \"nginx\"")]
    [InlineData("Failed to pull image \"nginx\": rpc error")]
    [InlineData("Back-off pulling image \"nginx\"")]
    [InlineData("Successfully pulled image \"nginx\" in soon")]
    public void Other_messages_are_not_pulled_events(string message) => Assert.False(PulledEventParser.TryParse(message, out _));
}
