using System.Diagnostics;
using ClusterRegistry.Probe.Failures;
using k8s;
using k8s.Models;

namespace ClusterRegistry.Probe.Kubernetes;

/// <summary>
/// Runs the probe as kubelet sees it on every node: one <see cref="ProbeJobManifest"/> Job per node, then the pod's
/// <c>Pulled</c> event (its pull duration is the measurement; "including waiting" and the image size are kept as notes),
/// or its <c>Failed</c> event (classified from the runtime's text), then the Job is deleted.
/// Note: <c>imagePullPolicy: Always</c> makes kubelet pull, but layers already on the node are not fetched again, so this
/// measures a warm node unless the image was evicted; use <c>--via cri</c> on the node for a cold pull.
/// </summary>
public sealed class KubernetesPuller : IDisposable
{
    private readonly IKubernetes client;

    public KubernetesPuller(string? kubeconfigPath)
    {
        var config = kubeconfigPath is not null
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath)
            : KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : KubernetesClientConfiguration.BuildDefaultConfig();
        client = new k8s.Kubernetes(config);
    }

    public async Task<IReadOnlyList<string>> ListNodesAsync(CancellationToken ct)
    {
        var nodes = await client.CoreV1.ListNodeAsync(cancellationToken: ct).ConfigureAwait(false);
        return nodes.Items.Select(n => n.Metadata.Name).Order(StringComparer.Ordinal).ToArray();
    }

    public async Task<ProbeResult> PullOnNodeAsync(string image, string node, string @namespace, double budgetMs, TimeSpan timeout, CancellationToken ct)
    {
        var runId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var job = ProbeJobManifest.Build(image, node, @namespace, runId, timeout);
        var result = new ProbeResult { Image = image, Via = ProbeVia.Kubernetes, Node = node, StartedAt = DateTimeOffset.UtcNow, BudgetMs = budgetMs };
        result.Notes["job"] = $"{@namespace}/{job.Metadata.Name}";
        var sw = Stopwatch.StartNew();
        using var timeoutCts = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        try
        {
            await client.BatchV1.CreateNamespacedJobAsync(job, @namespace, cancellationToken: linked.Token).ConfigureAwait(false);
            while (true)
            {
                linked.Token.ThrowIfCancellationRequested();
                var pods = await client.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: $"{ProbeJobManifest.RunLabel}={runId}", cancellationToken: linked.Token).ConfigureAwait(false);
                foreach (var pod in pods.Items)
                {
                    var events = await client.CoreV1.ListNamespacedEventAsync(@namespace, fieldSelector: $"involvedObject.name={pod.Metadata.Name}", cancellationToken: linked.Token).ConfigureAwait(false);
                    foreach (var e in events.Items.OrderBy(e => e.LastTimestamp ?? e.EventTime ?? DateTime.MinValue))
                    {
                        if (e.Reason == "Pulled" && PulledEventParser.TryParse(e.Message, out var pulled))
                        {
                            Fill(result, pulled, e.Message);
                            return result;
                        }

                        if (e.Reason is "Failed" or "ErrImagePull" && e.Message?.Contains("pull", StringComparison.OrdinalIgnoreCase) == true)
                        {
                            result.Failure = new ProbeFailureException(Cri.CriErrorClassifier.ClassifyText(e.Message), $"kubelet on {node}: {e.Message}");
                            result.DurationMs = sw.Elapsed.TotalMilliseconds;
                            return result;
                        }
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            result.Failure = new ProbeFailureException(FailureClass.Timeout, $"no Pulled event from kubelet on {node} within {Budget.DurationText.Format(timeout)}");
            result.DurationMs = sw.Elapsed.TotalMilliseconds;
            return result;
        }
        catch (k8s.Autorest.HttpOperationException e)
        {
            result.Failure = new ProbeFailureException(FailureClass.Other, $"Kubernetes API: {(int)e.Response.StatusCode} {e.Response.ReasonPhrase}: {e.Response.Content}", e);
            result.DurationMs = sw.Elapsed.TotalMilliseconds;
            return result;
        }
        catch (HttpRequestException e)
        {
            result.Failure = FailureClassifier.Classify(e, "Kubernetes API");
            result.DurationMs = sw.Elapsed.TotalMilliseconds;
            return result;
        }
        finally
        {
            try
            {
                using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await client.BatchV1.DeleteNamespacedJobAsync(job.Metadata.Name, @namespace, propagationPolicy: "Background", cancellationToken: cleanup.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // ttlSecondsAfterFinished removes it anyway
            }
        }
    }

    /// <summary>Copies a parsed event into the result (pull duration is the measurement).</summary>
    public static void Fill(ProbeResult result, PulledEvent pulled, string? message)
    {
        result.Notes["event"] = message ?? "";
        result.Notes["eventFormat"] = pulled.Format.ToString();
        if (pulled.Format == PulledEventFormat.AlreadyPresent || pulled.PullDuration is null)
        {
            result.Failure = new ProbeFailureException(FailureClass.Other,
                pulled.Format == PulledEventFormat.AlreadyPresent
                    ? $"kubelet on {result.Node} did not pull: the image is already present (imagePullPolicy was not honoured)"
                    : $"kubelet on {result.Node} reports no pull duration (kubelet ≤ 1.18)");
            return;
        }

        result.DurationMs = pulled.PullDuration.Value.TotalMilliseconds;
        if (pulled.IncludingWaiting is { } w)
        {
            result.Notes["includingWaitingMs"] = w.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (pulled.ImageSizeBytes is { } size)
        {
            result.Bytes = size;
        }
    }

    public void Dispose() => (client as IDisposable)?.Dispose();
}
