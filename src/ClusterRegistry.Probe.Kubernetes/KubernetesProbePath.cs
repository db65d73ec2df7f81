using ClusterRegistry.Probe.Optional;
using ClusterRegistry.Probe.Running;

namespace ClusterRegistry.Probe.Kubernetes;

/// <summary>
/// <c>probe --via kubernetes</c>: one <see cref="ProbeJobManifest"/> Job per node (the request's nodes, or every node the
/// API lists), run in parallel through <see cref="KubernetesPuller"/>. Found by <see cref="OptionalPackages"/> when this
/// package is referenced.
/// </summary>
public sealed class KubernetesProbePath : IKubernetesProbePath
{
    public async Task<IReadOnlyList<ProbeResult>> PullAsync(ProbeRequest request, CancellationToken ct)
    {
        using var k = new KubernetesPuller(request.Kubeconfig);
        var nodes = request.Nodes.Count > 0 ? request.Nodes : await k.ListNodesAsync(ct).ConfigureAwait(false);
        var budgetMs = request.Budget.TotalMilliseconds;
        var tasks = nodes.Select(n => k.PullOnNodeAsync(request.Image, n, request.Namespace, budgetMs, request.Timeout, ct));
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
