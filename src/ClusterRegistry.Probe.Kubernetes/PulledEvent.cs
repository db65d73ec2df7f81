namespace ClusterRegistry.Probe.Kubernetes;

/// <summary>Which kubelet version family wrote a <c>Pulled</c> event message (kubernetes/kubernetes
/// pkg/kubelet/images/image_manager.go; PRs #91563, #111772, #117276, #121719).</summary>
public enum PulledEventFormat
{
    /// <summary>≤ 1.18: <c>Successfully pulled image "X"</c> (no duration).</summary>
    NoDuration,

    /// <summary>1.19–1.25: <c>… in 49.657983991s</c>.</summary>
    Duration,

    /// <summary>1.26 (and 1.23–1.25 patch releases): <c>… in 4.614s (4.614s including waiting)</c>.</summary>
    IncludingWaiting,

    /// <summary>1.30+: <c>… (…including waiting). Image size: N bytes.</c></summary>
    WithImageSize,

    /// <summary><c>Container image "X" already present on machine[ and can be accessed by the pod]</c>: no pull happened.</summary>
    AlreadyPresent,
}

/// <summary>A parsed kubelet <c>Pulled</c> event message.</summary>
public sealed record PulledEvent(string Image, PulledEventFormat Format, TimeSpan? PullDuration, TimeSpan? IncludingWaiting, long? ImageSizeBytes);
