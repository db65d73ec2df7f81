using ClusterRegistry.Probe.Cri;
using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe.Tests.Cri;

/// <summary>containerd's error texts (as its CRI returns them) map to the probe's failure classes.</summary>
public sealed class CriErrorClassifierTests
{
    [Theory]
    [InlineData("failed to pull and unpack image \"127.0.0.105/library/app:v1\": failed to resolve reference \"127.0.0.105/library/app:v1\": pulling from host harbor.harbor.svc.cluster.local failed with status code [manifests v1]: 401 Unauthorized", FailureClass.Unauthorized)]
    [InlineData("failed to resolve reference \"h/a:v1\": failed to do request: Head \"http://harbor.harbor.svc.cluster.local/v2/a/manifests/v1?ns=h\": dial tcp: lookup harbor.harbor.svc.cluster.local on 10.0.0.1:53: no such host", FailureClass.Dns)]
    [InlineData("failed to do request: Head \"https://127.0.0.105/v2/library/app/manifests/v1\": dial tcp 127.0.0.105:443: connect: connection refused", FailureClass.ConnectionRefused)]
    [InlineData("failed to do request: Head \"https://h/v2/\": dial tcp 10.1.1.1:443: i/o timeout", FailureClass.Timeout)]
    [InlineData("failed to do request: Head \"https://h/v2/\": x509: certificate signed by unknown authority", FailureClass.Tls)]
    [InlineData("failed to do request: Head \"https://h/v2/\": http: server gave HTTP response to HTTPS client", FailureClass.Tls)]
    [InlineData("pulling from host h failed with status code [manifests v1]: 403 Forbidden", FailureClass.Forbidden)]
    [InlineData("failed to resolve reference \"h/a:v9\": h/a:v9: not found", FailureClass.ManifestNotFound)]
    [InlineData("failed to copy: httpReadSeeker: failed open: content at http://h/v2/a/blobs/sha256:ab not found: not found", FailureClass.BlobNotFound)]
    [InlineData("failed commit on ref \"layer-sha256:ab\": unexpected commit digest sha256:cd, expected sha256:ab: failed precondition", FailureClass.DigestMismatch)]
    [InlineData("failed to copy: read tcp 127.0.0.1:5->127.0.0.1:6: read: connection reset by peer", FailureClass.ConnectionLost)]
    [InlineData("something new", FailureClass.RuntimeError)]
    public void Classifies_containerd_texts(string text, FailureClass expected) => Assert.Equal(expected, CriErrorClassifier.ClassifyText(text));
}
