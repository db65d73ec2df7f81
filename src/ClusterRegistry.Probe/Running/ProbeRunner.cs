using ClusterRegistry.Probe.Cri;
using ClusterRegistry.Probe.Failures;
using ClusterRegistry.Probe.Oci;
using ClusterRegistry.Probe.Optional;

namespace ClusterRegistry.Probe.Running;

/// <summary>Runs a <see cref="ProbeRequest"/> through the path it names and returns one result per node.</summary>
public static class ProbeRunner
{
    public static async Task<IReadOnlyList<ProbeResult>> RunAsync(ProbeRequest request, IPullProgress? progress, CancellationToken ct)
    {
        var budgetMs = request.Budget.TotalMilliseconds;
        switch (request.Via)
        {
            case ProbeVia.Registry:
            {
                if (!PullReference.TryParse(request.Image, out var reference, out var error))
                {
                    return [Failed(request, error)];
                }

                request.Registry.Timeout = request.Timeout;
                request.Registry.Progress ??= progress;
                using var puller = new RegistryPuller(request.Registry);
                return [Named(await puller.PullAsync(reference, budgetMs, request.Node, ct).ConfigureAwait(false), request)];
            }

            case ProbeVia.Cri:
            {
                using var puller = new CriPuller(request.Socket);
                return [Named(await puller.PullAsync(request.Image, budgetMs, request.Node, request.Timeout, request.Cold, ct).ConfigureAwait(false), request)];
            }

            default:
            {
                // In the optional package ClusterRegistry.Probe.Kubernetes (KubernetesClient stays out of stack projects).
                var results = await OptionalPackages.RequireKubernetes().PullAsync(request, ct).ConfigureAwait(false);
                return results.Select(r => Named(r, request)).ToArray();
            }
        }
    }

    private static ProbeResult Named(ProbeResult r, ProbeRequest request) =>
        request.ProbeName is null ? r : new ProbeResult
        {
            Image = r.Image,
            Via = r.Via,
            Node = r.Node,
            ProbeName = request.ProbeName,
            StartedAt = r.StartedAt,
            BudgetMs = r.BudgetMs,
            Digest = r.Digest,
            Bytes = r.Bytes,
            DurationMs = r.DurationMs,
            TtfbMs = r.TtfbMs,
            AuthMs = r.AuthMs,
            ManifestMs = r.ManifestMs,
            TokenRequests = r.TokenRequests,
            Failure = r.Failure,
        }.WithCollections(r);

    private static ProbeResult WithCollections(this ProbeResult target, ProbeResult source)
    {
        target.Layers.AddRange(source.Layers);
        foreach (var (k, v) in source.Notes)
        {
            target.Notes[k] = v;
        }

        return target;
    }

    private static ProbeResult Failed(ProbeRequest request, string message) => new()
    {
        Image = request.Image,
        Via = request.Via,
        Node = request.Node,
        ProbeName = request.ProbeName,
        StartedAt = DateTimeOffset.UtcNow,
        BudgetMs = request.Budget.TotalMilliseconds,
        Failure = new ProbeFailureException(FailureClass.Other, message),
    };
}
