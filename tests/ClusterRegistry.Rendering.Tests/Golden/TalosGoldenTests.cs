using System.Text;
using ClusterRegistry.Rendering.Talos;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Talos;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Golden;

/// <summary>Every case of golden/talos-cri-hosts.yaml (Talos's own test vectors), byte for byte, through the SDK model.</summary>
public sealed class TalosGoldenTests
{
    private static readonly Dictionary<object, object?> Golden = YamlDoc.LoadFile(RepoPaths.Golden("talos-cri-hosts.yaml"));

    public static IEnumerable<object[]> HostsCases() => Golden.Get("hosts_cases").List().Select(c => new object[] { c.Map().Str("name")! });

    public static IEnumerable<object[]> CriConfigCases() => Golden.Get("cri_config_cases").List().Select(c => new object[] { c.Map().Str("name")! });

    public static IEnumerable<object[]> MergeCases() => Golden.Get("cri_merge_cases").List().Select(c => new object[] { c.Map().Str("name")! });

    [Theory]
    [MemberData(nameof(HostsCases))]
    public void Hosts_directories_match_talos(string name)
    {
        var c = Case("hosts_cases", name);
        var registries = FromLegacyInput(c.Get("input").Map());
        var basePath = Golden.Get("conventions").Map().Str("hosts_base_path")!;
        if (c.Str("expected_error") is { } error)
        {
            var e = Assert.Throws<TalosRenderException>(() => TalosHostsGenerator.Generate(registries, basePath));
            Assert.Equal(error, e.Message);
            return;
        }

        var actual = TalosHostsGenerator.Generate(registries, basePath);
        var expected = c.Get("expected").Map().Get("directories").Map();
        Assert.Equal(expected.Keys.Cast<string>().OrderBy(k => k, StringComparer.Ordinal), actual.Keys);
        foreach (var (dir, files) in expected)
        {
            var expectedFiles = files.Map().Select(f => ((string)f.Key, (string)f.Value!)).ToList();
            Assert.Equal(expectedFiles, actual[(string)dir].Select(f => (f.Key, f.Value)).ToList());
        }
    }

    [Theory]
    [MemberData(nameof(CriConfigCases))]
    public void Cri_registry_part_matches_talos(string name)
    {
        var c = Case("cri_config_cases", name);
        var registries = FromLegacyInput(c.Get("input").Map());
        Assert.Equal(c.Str("expected_cri_toml"), TalosCriConfig.GenerateRegistryPart(registries));
    }

    [Theory]
    [MemberData(nameof(MergeCases))]
    public void Cri_merge_matches_talos(string name)
    {
        var c = Case("cri_merge_cases", name);
        var parts = c.Get("parts").List().Select(p => p.Map()).ToList();
        foreach (var p in parts)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(p.Str("contents")!)));
            Assert.Equal(p.Str("sha256"), hash);
        }

        var merged = TalosCriConfig.Merge(parts.Select(p => new TalosCriConfig.Part(p.Str("path")!, p.Str("contents")!)));
        Assert.Equal(c.Str("expected_merged"), merged);
    }

    [Fact]
    public void Golden_file_has_the_cases_we_rely_on()
    {
        Assert.True(HostsCases().Count() >= 6);
        Assert.NotEmpty(CriConfigCases());
        Assert.NotEmpty(MergeCases());
    }

    private static Dictionary<object, object?> Case(string section, string name) =>
        Golden.Get(section).List().Select(c => c.Map()).Single(c => c.Str("name") == name);

    /// <summary>
    /// Declares the legacy <c>machine.registries</c> input as a <see cref="TalosMachinePatch"/> (secrets as explicit
    /// plaintext test values, base64 TLS material decoded into the model's PEM text) and folds it like the node view does.
    /// </summary>
    internal static TalosRegistries FromLegacyInput(Dictionary<object, object?> input)
    {
        TalosMachinePatch? patch = null;
        TestStack.Build(() =>
        {
            var args = new TalosMachinePatchArgs { TalosVersion = "v1.11", Nodes = { "127.0.0.1" } };
            foreach (var (registry, m) in input.Get("mirrors").Map())
            {
                var mirror = new TalosMirror();
                mirror.Endpoints.AddRange(m.Map().Get("endpoints").List().Cast<string>());
                if (m.Map().Str("overridePath") is { } op)
                {
                    mirror.OverridePath = bool.Parse(op);
                }

                if (m.Map().Str("skipFallback") is { } sf)
                {
                    mirror.SkipFallback = bool.Parse(sf);
                }

                args.Mirrors[(string)registry] = mirror;
            }

            var n = 0;
            foreach (var (host, cfgObj) in input.Get("config").Map())
            {
                var cfg = cfgObj.Map();
                var rc = new TalosRegistryConfig();
                if (cfg.Get("auth") is Dictionary<object, object?> auth)
                {
                    rc.Auth = new TalosRegistryAuth
                    {
                        Username = auth.Str("username"),
                        Password = auth.Str("password") is { } p ? Secret.FromPlaintextUnsafe("P" + n++, p) : null,
                        Auth = auth.Str("auth") is { } a ? Secret.FromPlaintextUnsafe("A" + n++, a) : null,
                        IdentityToken = auth.Str("identityToken") is { } t ? Secret.FromPlaintextUnsafe("T" + n++, t) : null,
                    };
                }

                if (cfg.Get("tls") is Dictionary<object, object?> tls)
                {
                    var id = tls.Get("clientIdentity").Map();
                    rc.Tls = new TalosRegistryTls
                    {
                        InsecureSkipVerify = tls.Str("insecureSkipVerify") is { } s ? bool.Parse(s) : null,
                        Ca = tls.Str("ca") is { } ca ? Decode(ca) : null,
                        ClientCertificate = id.Str("crt") is { } crt ? Decode(crt) : null,
                        ClientKey = id.Str("key") is { } key ? Secret.FromPlaintextUnsafe("K" + n++, Decode(key)) : null,
                    };
                }

                args.RegistryConfig[(string)host] = rc;
            }

            patch = new TalosMachinePatch("golden", args);
        });

        return TalosRegistriesBuilder.Build([patch!], s => s.Resolve()!);
    }

    private static string Decode(string b64) => Encoding.UTF8.GetString(Convert.FromBase64String(b64));
}
