using System.Diagnostics;
using ClusterRegistry.Probe.Cri.Api;
using ClusterRegistry.Probe.Failures;
using Grpc.Core;

namespace ClusterRegistry.Probe.Cri;

/// <summary>
/// Pulls through the node's container runtime over CRI (<c>runtime.v1.ImageService</c>), exactly kubelet's path: containerd
/// applies its hosts.toml mirrors (Spegel first, then Harbor) and its cri.toml credentials. The image is removed first so the
/// pull is cold (layers still unpacked in the snapshotter are the runtime's business; the content store is emptied by
/// RemoveImage's garbage collection). The measurement is the PullImage call, which includes unpacking, as kubelet sees it.
/// </summary>
public sealed class CriPuller : IDisposable
{
    private readonly string socketPath;
    private readonly Grpc.Net.Client.GrpcChannel channel;
    private readonly ImageService.ImageServiceClient client;

    public CriPuller(string socketPath)
    {
        this.socketPath = socketPath;
        channel = UnixSocketChannel.Create(socketPath);
        client = new ImageService.ImageServiceClient(channel);
    }

    /// <summary>Removes <paramref name="image"/> if present; true when something was removed.</summary>
    public async Task<bool> RemoveAsync(string image, DateTime deadline, CancellationToken ct)
    {
        var status = await client.ImageStatusAsync(new ImageStatusRequest { Image = new ImageSpec { Image = image } }, deadline: deadline, cancellationToken: ct).ConfigureAwait(false);
        if (status.Image is null)
        {
            return false;
        }

        await client.RemoveImageAsync(new RemoveImageRequest { Image = new ImageSpec { Image = status.Image.Id } }, deadline: deadline, cancellationToken: ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Cold-pulls <paramref name="image"/> once and reports the time PullImage took.</summary>
    public async Task<ProbeResult> PullAsync(string image, double budgetMs, string node, TimeSpan timeout, bool cold, CancellationToken cancellation)
    {
        var result = new ProbeResult
        {
            Image = image,
            Via = ProbeVia.Cri,
            Node = node,
            StartedAt = DateTimeOffset.UtcNow,
            BudgetMs = budgetMs,
        };
        result.Notes["socket"] = socketPath;
        if (!File.Exists(socketPath) && !Directory.Exists(socketPath))
        {
            result.Failure = new ProbeFailureException(FailureClass.ConnectionRefused, $"no CRI socket at {socketPath} (is containerd running, and is this the node?)");
            return result;
        }

        var deadline = DateTime.UtcNow + timeout;
        var phase = "removing the image for a cold pull";
        try
        {
            if (cold)
            {
                result.Notes["removedBefore"] = (await RemoveAsync(image, deadline, cancellation).ConfigureAwait(false)) ? "true" : "false";
            }

            phase = "pulling";
            var sw = Stopwatch.StartNew();
            var pulled = await client.PullImageAsync(new PullImageRequest { Image = new ImageSpec { Image = image } }, deadline: deadline, cancellationToken: cancellation).ConfigureAwait(false);
            result.DurationMs = sw.Elapsed.TotalMilliseconds;
            result.Notes["imageRef"] = pulled.ImageRef;
            phase = "reading the image status";
            var status = await client.ImageStatusAsync(new ImageStatusRequest { Image = new ImageSpec { Image = pulled.ImageRef } }, deadline: deadline, cancellationToken: cancellation).ConfigureAwait(false);
            if (status.Image is { } img)
            {
                result.Bytes = (long)img.Size;
                result.Digest = img.RepoDigests.FirstOrDefault()?.Split('@').LastOrDefault() ?? img.Id;
                result.Notes["imageId"] = img.Id;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            var f = CriErrorClassifier.Classify(e, socketPath, image);
            result.Failure = new ProbeFailureException(f.Class, phase == "pulling" ? f.Message : $"{phase}: {f.Message}", e);
            if (result.DurationMs == 0)
            {
                result.DurationMs = Math.Max(0, (DateTime.UtcNow - result.StartedAt.UtcDateTime).TotalMilliseconds);
            }
        }

        return result;
    }

    public void Dispose() => channel.Dispose();
}
