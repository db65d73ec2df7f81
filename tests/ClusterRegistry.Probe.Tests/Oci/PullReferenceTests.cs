using ClusterRegistry.Probe.Oci;

namespace ClusterRegistry.Probe.Tests.Oci;

public sealed class PullReferenceTests
{
    [Theory]
    [InlineData("192.168.1.105/library/myapp:v1", "192.168.1.105", "library/myapp", "v1", null)]
    [InlineData("127.0.0.1:5000/a/b/c", "127.0.0.1:5000", "a/b/c", "latest", null)]
    [InlineData("nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("localhost/app:1.0", "localhost", "app", "1.0", null)]
    // distribution/reference: an upper-case first component is a registry host, not a repository.
    [InlineData("Registry/app:v1", "Registry", "app", "v1", null)]
    [InlineData("harbor.local:8443/p/app:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "harbor.local:8443", "p/app", "v1", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Parses_registry_repository_tag_and_digest(string text, string registry, string repository, string tag, string? digest)
    {
        var r = PullReference.Parse(text);
        Assert.Equal(registry, r.Registry);
        Assert.Equal(repository, r.Repository);
        Assert.Equal(tag, r.Tag);
        Assert.Equal(digest, r.Digest);
        Assert.Equal(digest ?? tag, r.Reference);
        Assert.Equal($"repository:{repository}:pull", r.PullScope);
    }

    [Fact]
    public void Docker_hub_uses_its_api_host()
    {
        Assert.Equal("registry-1.docker.io", PullReference.Parse("busybox").ApiHost);
    }

    [Theory]
    [InlineData("")]
    [InlineData("library/UPPER:v1")]
    [InlineData("docker.io/library/app:v1@sha256:tooshort")]
    [InlineData("a/b:bad tag")]
    [InlineData("a/b@sha256")]
    public void Rejects_invalid_references(string text)
    {
        Assert.False(PullReference.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
