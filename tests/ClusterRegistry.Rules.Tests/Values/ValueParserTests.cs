using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Tests.Values;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("192.168.1.105", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("10.1", false)]
    [InlineData("01.2.3.4", false)]
    [InlineData("1.2.3.4:80", false)]
    [InlineData("fd00::10", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("[::1]", false)]
    [InlineData("harbor", false)]
    [InlineData("", false)]
    public void Ip_addresses(string text, bool valid) => Assert.Equal(valid, IpAddress.IsValid(text));

    [Theory]
    [InlineData("10.43.0.0/16", "10.43.216.243", true)]
    [InlineData("10.43.0.0/16", "10.44.0.1", false)]
    [InlineData("10.96.0.0/12", "10.111.255.255", true)]
    [InlineData("10.96.0.0/12", "10.112.0.0", false)]
    [InlineData("127.0.0.0/8", "127.0.0.243", true)]
    [InlineData("fd00::/108", "fd00::10", true)]
    [InlineData("fd00::/108", "10.0.0.1", false)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    public void Cidr_contains(string cidr, string ip, bool contains)
    {
        Assert.True(Cidr.TryParse(cidr, out var c));
        Assert.Equal(contains, c.Contains(ip));
    }

    [Theory]
    [InlineData("10.43.0.0/33")]
    [InlineData("10.43.0.0")]
    [InlineData("10.43.0.0/")]
    [InlineData("x/8")]
    [InlineData("fd00::/129")]
    public void Invalid_cidrs(string text) => Assert.False(Cidr.TryParse(text, out _));

    [Theory]
    [InlineData("harbor.harbor.svc.cluster.local", true, true)]
    [InlineData("harbor.harbor.svc", true, true)]
    [InlineData("harbor.lan", true, false)]
    [InlineData("harbor", true, false)]
    [InlineData("-bad.lan", false, false)]
    [InlineData("bad_name", false, false)]
    [InlineData("1.2.3", false, false)]
    public void Host_names(string text, bool valid, bool clusterDns)
    {
        Assert.Equal(valid, HostName.IsValid(text));
        Assert.Equal(clusterDns, HostName.IsClusterDnsName(text));
    }

    [Theory]
    [InlineData("http://192.168.1.105", "http", "192.168.1.105", "192.168.1.105", "")]
    [InlineData("https://harbor.lan:443/v2/proxy", "https", "harbor.lan", "harbor.lan", "/v2/proxy")]
    [InlineData("http://harbor.lan:8080", "http", "harbor.lan", "harbor.lan:8080", "")]
    [InlineData("HTTP://[fd00::1]:5000", "http", "fd00::1", "[fd00::1]:5000", "")]
    public void Endpoint_urls(string text, string scheme, string host, string hostPort, string path)
    {
        Assert.True(EndpointUrl.TryParse(text, out var u));
        Assert.Equal(scheme, u.Scheme);
        Assert.Equal(host, u.Host);
        Assert.Equal(hostPort, u.HostPortWithoutDefault);
        Assert.Equal(path, u.Path);
    }

    [Theory]
    [InlineData("harbor.lan")]
    [InlineData("ftp://harbor.lan")]
    [InlineData("http://")]
    [InlineData("http://harbor.lan:99999")]
    [InlineData("http://bad host")]
    public void Invalid_endpoint_urls(string text) => Assert.False(EndpointUrl.TryParse(text, out _));

    [Theory]
    [InlineData("https://docker.io", true, "docker.io")]
    [InlineData("http://192.168.1.105", true, "192.168.1.105")]
    [InlineData("https://harbor.lan:8443", true, "harbor.lan:8443")]
    [InlineData("_default", true, "*")]
    [InlineData("*", true, "*")]
    [InlineData("docker.io", false, null)]
    [InlineData("https://docker.io/", false, null)]
    [InlineData("https://harbor/v2/proxy", false, null)]
    [InlineData("https://user@harbor", false, null)]
    [InlineData("https://harbor?x=1", false, null)]
    public void Registry_urls(string text, bool valid, string? key)
    {
        Assert.Equal(valid, RegistryUrl.TryParse(text, out var r));
        if (valid)
        {
            Assert.Equal(key, r.RegistryKey);
        }
    }

    [Theory]
    [InlineData("192.168.1.105", true, null)]
    [InlineData("harbor.lan:5000", true, null)]
    [InlineData("*", true, null)]
    [InlineData("http://192.168.1.105", false, "192.168.1.105")]
    [InlineData("192.168.1.105/", false, "192.168.1.105")]
    [InlineData("harbor.lan/v2", false, "harbor.lan")]
    [InlineData("bad host", false, null)]
    public void Mirror_keys(string key, bool valid, string? stripped)
    {
        Assert.Equal(valid, MirrorKey.IsValid(key, out _, out var s));
        Assert.Equal(stripped, s);
    }

    [Theory]
    [InlineData("192.168.1.105/library/myapp:v1", "192.168.1.105", "library/myapp", "v1", "library")]
    [InlineData("nginx", "docker.io", "library/nginx", null, "library")]
    [InlineData("nginx:1.27", "docker.io", "library/nginx", "1.27", "library")]
    [InlineData("bitnami/redis:7", "docker.io", "bitnami/redis", "7", "bitnami")]
    [InlineData("localhost/app:1", "localhost", "app", "1", "app")]
    [InlineData("localhost:5000/team/app", "localhost:5000", "team/app", null, "team")]
    [InlineData("ghcr.io/spegel-org/spegel:v0.7.4", "ghcr.io", "spegel-org/spegel", "v0.7.4", "spegel-org")]
    [InlineData("127.0.0.105/library/app:v1", "127.0.0.105", "library/app", "v1", "library")]
    public void Image_references(string text, string registry, string repository, string? tag, string project)
    {
        Assert.True(ImageReference.TryParse(text, out var r), text);
        Assert.Equal(registry, r.Registry);
        Assert.Equal(repository, r.Repository);
        Assert.Equal(tag, r.TagName);
        Assert.Equal(project, r.FirstPathComponent);
    }

    [Fact]
    public void Image_reference_with_digest()
    {
        Assert.True(ImageReference.TryParse("quay.io/a/b@sha256:" + new string('a', 64), out var r));
        Assert.Equal("quay.io", r.Registry);
        Assert.Null(r.TagName);
        Assert.StartsWith("sha256:", r.DigestText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UPPER")]
    [InlineData("192.168.1.105/Library/app:v1")]
    [InlineData("app:")]
    [InlineData("app:-bad")]
    [InlineData("a/b@sha256:short")]
    [InlineData("harbor.lan:99999/app")]
    [InlineData(" app")]
    public void Invalid_image_references(string text) => Assert.False(ImageReference.TryParse(text, out _));

    [Theory]
    [InlineData("v1.11", 1, 11)]
    [InlineData("1.8", 1, 8)]
    [InlineData("v1.11.6", 1, 11)]
    [InlineData("v1.14.0-rc.1", 1, 14)]
    public void Talos_versions(string text, int major, int minor)
    {
        Assert.True(TalosVersionValue.TryParse(text, out var v));
        Assert.Equal(new TalosVersionValue(major, minor), v);
        Assert.True(v >= TalosVersionValue.V1_8);
    }

    [Theory]
    [InlineData("eleven")]
    [InlineData("v1")]
    [InlineData("1.x")]
    [InlineData("")]
    public void Invalid_talos_versions(string text) => Assert.False(TalosVersionValue.TryParse(text, out _));

    [Theory]
    [InlineData("*", "_default")]
    [InlineData("harbor.lan:8443", "harbor.lan_8443_")]
    [InlineData("192.168.1.105", "192.168.1.105")]
    public void Talos_directory_names(string key, string dir) => Assert.Equal(dir, HostPort.TalosDirectoryName(key));

    [Theory]
    [InlineData("[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n", false)]
    [InlineData("[plugins.'io.containerd.cri.v1.images']\ndiscard_unpacked_layers = true", true)]
    [InlineData("[plugins]\n  \"io.containerd.cri.v1.images\".discard_unpacked_layers = false", false)]
    [InlineData("[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n  discard_unpacked_layers = false", null)]
    [InlineData("# discard_unpacked_layers = false", null)]
    public void Discard_unpacked_layers_in_toml(string toml, bool? expected) => Assert.Equal(expected, Topo.DiscardUnpackedLayers(toml));
}
