using ClusterRegistry.Doctor.Sandbox;
using ClusterRegistry.Probe.Tests.Cri;
using Stacks;
using Tomlyn;
using Tomlyn.Model;

namespace ClusterRegistry.Probe.Tests.Sandbox;

public sealed class Containerd16ConfigTests
{
    private static readonly Containerd16Paths Paths = Containerd16Paths.Under("/tmp/sbx");

    [Fact]
    public void Talos_form_auth_moves_to_the_containerd_1_x_cri_key_with_secrets_resolved()
    {
        var files = HandWrittenNodeView.For(Stack.Build(() => new LocalStack()));
        Assert.Contains("io.containerd.cri.v1.images", files[NodeFilePaths.CriToml]);
        Assert.Contains("${HARBOR_ROBOT_PASSWORD}", files[NodeFilePaths.CriToml]);
        var sandbox = Containerd16Config.Translate(files, Paths, v => v == "HARBOR_ROBOT_PASSWORD" ? "pw" : v == "HARBOR_ROBOT_USERNAME" ? "robot$cluster-pull" : null);
        var model = TomlSerializer.Deserialize<TomlTable>(sandbox.ConfigToml, (TomlSerializerOptions?)null)!;
        var plugins = (TomlTable)model["plugins"];
        Assert.False(plugins.ContainsKey("io.containerd.cri.v1.images"));
        var registry = (TomlTable)((TomlTable)plugins["io.containerd.grpc.v1.cri"])["registry"];
        Assert.Equal(Paths.HostsDirectory, registry["config_path"]);
        var auth = (TomlTable)((TomlTable)((TomlTable)registry["configs"])["harbor.harbor.svc.cluster.local"])["auth"];
        Assert.Equal("robot$cluster-pull", auth["username"]);
        Assert.Equal("pw", auth["password"]);
        Assert.Equal(2L, model["version"]);
        Assert.Equal(Paths.Socket, ((TomlTable)model["grpc"])["address"]);
        Assert.Contains("127.0.0.105/hosts.toml", sandbox.HostsFiles.Keys);
        Assert.Contains("127.0.0.243 harbor.harbor.svc.cluster.local", sandbox.EtcHosts);
    }

    [Fact]
    public void A_missing_secret_is_an_error_naming_the_variable_not_a_value()
    {
        var files = HandWrittenNodeView.For(Stack.Build(() => new LocalStack()));
        var e = Assert.Throws<StackDefinitionException>(() => Containerd16Config.Translate(files, Paths, _ => null));
        Assert.Contains("HARBOR_ROBOT_", e.Message);
    }

    [Fact]
    public void Hosts_toml_without_a_host_table_gets_an_empty_one_for_1_6_and_others_are_unchanged()
    {
        // Talos's TLS-only form (siderolabs/talos internal/pkg/containers/cri/containerd/hosts_test.go) has only
        // top-level keys; containerd 1.6 rejects that ("invalid `host` tree").
        const string tlsOnly = "server = 'https://some.host:123'\nca = '/etc/cri/conf.d/hosts/some.host_123_/some.host:123-ca.crt'\nskip_verify = true\n";
        var fixedText = Containerd16Config.HostsTomlFor16(tlsOnly);
        Assert.StartsWith(tlsOnly.TrimEnd('\n'), fixedText);
        var model = TomlSerializer.Deserialize<TomlTable>(fixedText, (TomlSerializerOptions?)null)!;
        Assert.IsType<TomlTable>(model["host"]);
        Assert.Equal("https://some.host:123", model["server"]);

        const string mirror = "[host]\n  [host.'http://harbor.harbor.svc.cluster.local']\n    capabilities = ['pull', 'resolve']\n";
        Assert.Equal(mirror, Containerd16Config.HostsTomlFor16(mirror));
    }

    [Fact]
    public void Etc_hosts_addresses_can_be_remapped_for_the_sandbox()
    {
        var files = new Dictionary<string, string> { [NodeFilePaths.EtcHosts] = "127.0.0.243 harbor.harbor.svc.cluster.local\n# comment\n10.0.0.1 other\n" };
        var s = Containerd16Config.Translate(files, Paths, _ => null, new Dictionary<string, string> { ["127.0.0.243"] = "127.77.1.2" });
        Assert.Equal("127.0.0.1 localhost\n127.77.1.2 harbor.harbor.svc.cluster.local\n# comment\n10.0.0.1 other\n", s.EtcHosts);
    }
}
