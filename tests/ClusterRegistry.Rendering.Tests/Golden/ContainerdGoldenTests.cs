using ClusterRegistry.Rendering.Containerd;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Golden;

/// <summary>Every case of golden/containerd-hosts.yaml (containerd's own parser vectors) through <see cref="HostsTomlReader"/>.</summary>
public sealed class ContainerdGoldenTests
{
    private static readonly Dictionary<object, object?> Golden = YamlDoc.LoadFile(RepoPaths.Golden("containerd-hosts.yaml"));

    public static IEnumerable<object[]> Names(string section) => Golden.Get(section).List().Select(c => new object[] { c.Map().Str("name")! });

    [Theory]
    [MemberData(nameof(Names), "parse_hosts_file_cases")]
    public void Parse_matches_containerd(string name)
    {
        var c = Case("parse_hosts_file_cases", name);
        foreach (var version in c.Get("containerd_versions").List().Cast<string>())
        {
            var line = version.StartsWith("v1.6", StringComparison.Ordinal) ? ContainerdLine.V1_6
                : version.StartsWith("v1.7", StringComparison.Ordinal) ? ContainerdLine.V1_7 : ContainerdLine.V2;
            var hosts = HostsTomlReader.Parse(c.Str("hosts_toml")!, c.Str("base_dir") ?? "", line);
            var expected = c.Get("expected_hosts").List().Select(h => h.Map()).ToList();
            Assert.Equal(expected.Count, hosts.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                AssertHost(expected[i], hosts[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names), "default_hosts_cases")]
    public void Default_hosts_match_containerd(string name)
    {
        var c = Case("default_hosts_cases", name);
        foreach (var version in c.Get("containerd_versions").List().Cast<string>())
        {
            var line = version.StartsWith("v1.", StringComparison.Ordinal) ? ContainerdLine.V1_7 : ContainerdLine.V2;
            var resolved = HostsTomlReader.Resolve(c.Str("host")!, hostsToml: null, line: line);
            var expected = c.Get("expected").List().Select(h => h.Map()).ToList();
            Assert.Equal(expected.Count, resolved.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Str("scheme"), resolved[i].Scheme);
                Assert.Equal(expected[i].Str("host"), resolved[i].Config.Host);
                Assert.Equal(expected[i].Str("path"), resolved[i].Config.Path);
                Assert.Equal(expected[i].Get("capabilities").List().Cast<string>(), resolved[i].Config.CapabilityNames);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names), "http_fallback_cases")]
    public void Http_fallback_matches_containerd(string name)
    {
        var c = Case("http_fallback_cases", name);
        var options = c.Get("options").Map();
        var resolveOptions = new ResolveOptions { DefaultScheme = options.Str("defaultScheme"), DefaultTls = options.Get("defaultTLS") is Dictionary<object, object?> };
        foreach (var (line, key) in new[] { (ContainerdLine.V2, "expected"), (ContainerdLine.V1_7, "expected"), (ContainerdLine.V1_6, c.ContainsKey("expected_v1.6") ? "expected_v1.6" : "expected") })
        {
            var resolved = HostsTomlReader.Resolve(c.Str("host")!, hostsToml: null, resolveOptions, line: line).Single();
            var expected = c.Get(key).Map();
            Assert.Equal(expected.Str("scheme"), resolved.Scheme);
            Assert.Equal(expected.Bool("usesHTTPFallback"), resolved.UsesHttpFallback);
        }
    }

    [Theory]
    [MemberData(nameof(Names), "load_cert_files_cases")]
    public void Cert_file_discovery_matches_containerd(string name)
    {
        var c = Case("load_cert_files_cases", name);
        var host = HostsTomlReader.LoadCertFiles("<dir>", c.Get("host_dir_files").List().Cast<string>());
        var expected = c.Get("expected").Map();
        Assert.Equal(expected.Get("ca") is null ? null : expected.Get("ca").List().Cast<string>().ToList(), host.Ca?.ToList());
        Assert.Equal(Pairs(expected.Get("client")), host.Client?.ToList());
    }

    [Fact]
    public void Containerd_1_6_rejects_a_file_without_host_table_but_1_7_keeps_the_server()
    {
        const string toml = "server = 'https://registry-2.docker.io'\nskip_verify = true\n";
        Assert.Throws<HostsTomlException>(() => HostsTomlReader.Parse(toml, line: ContainerdLine.V1_6));
        var hosts = HostsTomlReader.Parse(toml, line: ContainerdLine.V1_7);
        Assert.Equal("registry-2.docker.io", Assert.Single(hosts).Host);
        Assert.True(hosts[0].SkipVerify);
    }

    private static void AssertHost(Dictionary<object, object?> e, RegistryHostConfig h)
    {
        Assert.Equal(e.Str("scheme"), h.Scheme);
        Assert.Equal(e.Str("host"), h.Host);
        Assert.Equal(e.Str("path"), h.Path);
        Assert.Equal(e.Get("capabilities").List().Cast<string>(), h.CapabilityNames);
        Assert.Equal(e.Get("ca") is null ? null : e.Get("ca").List().Cast<string>().ToList(), h.Ca?.ToList());
        Assert.Equal(Pairs(e.Get("client")), h.Client?.ToList());
        Assert.Equal(e.Str("skip_verify") is { } sv ? bool.Parse(sv) : null, h.SkipVerify);
        var header = e.Get("header") is Dictionary<object, object?> hd
            ? hd.ToDictionary(k => (string)k.Key, k => k.Value.List().Cast<string>().ToList())
            : null;
        Assert.Equal(header, h.Header?.ToDictionary(k => k.Key, k => k.Value.ToList()));
        Assert.Equal(e.Str("dial_timeout"), h.DialTimeout);
    }

    private static List<(string, string)>? Pairs(object? o) =>
        o is null ? null : o.List().Select(p => ((string)p.List()[0]!, (string)p.List()[1]!)).ToList();

    private static Dictionary<object, object?> Case(string section, string name) =>
        Golden.Get(section).List().Select(c => c.Map()).Single(c => c.Str("name") == name);
}
