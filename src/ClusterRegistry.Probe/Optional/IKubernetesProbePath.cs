using ClusterRegistry.Probe.Running;

namespace ClusterRegistry.Probe.Optional;

/// <summary>
/// <c>--via kubernetes</c>: a Job per node, measured from kubelet's <c>Pulled</c> event. Implemented in the optional
/// package <c>ClusterRegistry.Probe.Kubernetes</c> (it brings KubernetesClient), so a stack project that never probes
/// through the Kubernetes API does not restore it.
/// </summary>
public interface IKubernetesProbePath
{
    Task<IReadOnlyList<ProbeResult>> PullAsync(ProbeRequest request, CancellationToken ct);
}
