using System.Net.Sockets;
using ClusterRegistry.Probe.Failures;
using Grpc.Core;

namespace ClusterRegistry.Probe.Cri;

/// <summary>
/// Classifies a failed CRI call. containerd reports registry failures as text inside the gRPC status (e.g.
/// <c>failed to pull and unpack image "…": failed to resolve reference "…": pulling from host … failed with status code
/// [manifests v1]: 401 Unauthorized</c>), so the class is read from that text; the message keeps containerd's words.
/// </summary>
public static class CriErrorClassifier
{
    public static ProbeFailureException Classify(Exception error, string socketPath, string image)
    {
        if (error is RpcException rpc)
        {
            var detail = rpc.Status.Detail ?? "";
            if (rpc.StatusCode == StatusCode.Unavailable && (rpc.Status.DebugException is not null || detail.Contains("Error connecting", StringComparison.Ordinal)))
            {
                var inner = FailureClassifier.Classify(rpc.Status.DebugException ?? rpc, $"CRI socket {socketPath}");
                return new ProbeFailureException(inner.Class == FailureClass.Other ? FailureClass.ConnectionRefused : inner.Class,
                    $"cannot reach the container runtime at {socketPath}: {inner.Message}", error);
            }

            if (rpc.StatusCode == StatusCode.DeadlineExceeded)
            {
                return new ProbeFailureException(FailureClass.Timeout, $"the runtime did not finish pulling {image} before the deadline ({Trim(detail)})", error);
            }

            return new ProbeFailureException(ClassifyText(detail), $"the runtime failed to pull {image}: {Trim(detail)}", error);
        }

        if (error is SocketException or HttpRequestException)
        {
            return FailureClassifier.Classify(error, $"CRI socket {socketPath}");
        }

        return FailureClassifier.Classify(error, $"pulling {image} over CRI at {socketPath}");
    }

    /// <summary>The failure class of containerd's error text.</summary>
    public static FailureClass ClassifyText(string text)
    {
        var t = text.ToLowerInvariant();
        if (t.Contains("no such host") || t.Contains("server misbehaving") || t.Contains("name resolution"))
        {
            return FailureClass.Dns;
        }

        if (t.Contains("connection refused"))
        {
            return FailureClass.ConnectionRefused;
        }

        if (t.Contains("i/o timeout") || t.Contains("deadline exceeded") || t.Contains("timeout awaiting") || t.Contains("context canceled"))
        {
            return FailureClass.Timeout;
        }

        if (t.Contains("x509:") || t.Contains("tls:") || t.Contains("http response to https client") || t.Contains("certificate"))
        {
            return FailureClass.Tls;
        }

        if (t.Contains("401 unauthorized") || t.Contains("unauthorized") || t.Contains("authorization failed") || t.Contains("failed to fetch anonymous token") || t.Contains("failed to fetch oauth token"))
        {
            return FailureClass.Unauthorized;
        }

        if (t.Contains("403 forbidden") || t.Contains("denied"))
        {
            return FailureClass.Forbidden;
        }

        if (t.Contains("unexpected eof") || t.Contains("connection reset") || t.Contains("broken pipe"))
        {
            return FailureClass.ConnectionLost;
        }

        if (t.Contains("digest mismatch") || t.Contains("unexpected commit digest") || t.Contains("failed size validation") || t.Contains("unexpected commit size"))
        {
            return FailureClass.DigestMismatch;
        }

        if (t.Contains("not found"))
        {
            return t.Contains("failed to resolve reference") || t.Contains("manifest") ? FailureClass.ManifestNotFound : FailureClass.BlobNotFound;
        }

        return FailureClass.RuntimeError;
    }

    private static string Trim(string s) => s.Length > 600 ? s[..600] + "…" : s;
}
