using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>CRG101–CRG110 in the analyzer: exact spans when they fire, silence on near misses and on non-constant values.</summary>
public class SpegelRuleTests
{
    public static readonly RuleCase[] Cases =
    {
        // CRG101: MirroredRegistries empty.
        new("CRG101", Fires, "explicitly empty list", Stack(spegel: SpegelWith(registries: "[|MirroredRegistries = { }|]"))),
        new("CRG101", Fires, "list never set reports at the args object", Stack(spegel: """
                new SpegelRelease("spegel", [|new SpegelArgs|] { PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" });
            """)),
        new("CRG101", NearMiss, "one registry", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "http://192.168.1.105" }"""))),
        new("CRG101", Unknown, "list filled by a helper the analyzer does not follow", Stack(spegel: """
                var spegelArgs = new SpegelArgs { PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" };
                Fill(spegelArgs.MirroredRegistries);
                new SpegelRelease("spegel", spegelArgs);
            """), "private static void Fill(List<string> registries) => registries.Add(\"http://192.168.1.105\");"),

        // CRG102: PrependExisting not true while Spegel mirrors a Talos-mirrored registry.
        new("CRG102", Fires, "PrependExisting = false", Stack(spegel: SpegelWith(prepend: "[|PrependExisting = false|]"))),
        new("CRG102", Fires, "PrependExisting never set reports at the args object", Stack(spegel: """
                new SpegelRelease("spegel", [|new SpegelArgs|] { MirroredRegistries = { "http://192.168.1.105" }, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" });
            """)),
        new("CRG102", NearMiss, "false but no registry in common with Talos", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "https://docker.io" }""", prepend: "PrependExisting = false"))),
        new("CRG102", Unknown, "PrependExisting from the environment", Stack(spegel: SpegelWith(prepend: """PrependExisting = bool.Parse(Environment.GetEnvironmentVariable("PREPEND") ?? "true")"""))),

        // CRG103: Talos-mirrored registry missing from a non-empty list.
        new("CRG103", Fires, "Harbor missing", Stack(spegel: SpegelWith(registries: """[|MirroredRegistries = { "https://docker.io" }|]"""))),
        new("CRG103", NearMiss, "only Harbor listed", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "http://192.168.1.105" }"""))),
        new("CRG103", Unknown, "an entry from the environment", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "https://docker.io", Environment.GetEnvironmentVariable("HARBOR_URL")! }"""))),

        // CRG104: wrong scheme.
        new("CRG104", Fires, "https for a Tls = false Harbor", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "https://docker.io", [|"https://192.168.1.105"|] }"""))),
        new("CRG104", Fires, "http for an https-only registry", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { [|"http://docker.io"|], "http://192.168.1.105" }"""))),
        new("CRG104", NearMiss, "http for a registry of unknown scheme", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "https://docker.io", "http://192.168.1.105", "http://registry.lan" }"""))),
        new("CRG104", Unknown, "Harbor's Tls from the environment", Stack(
            harbor: HarborWith(tls: """Tls = bool.Parse(Environment.GetEnvironmentVariable("TLS") ?? "false")"""),
            spegel: SpegelWith(registries: """MirroredRegistries = { "https://docker.io", "https://192.168.1.105" }"""))),

        // CRG105: ContainerdRegistryConfigPath.
        new("CRG105", Fires, "chart default written out", Stack(spegel: SpegelWith(path: """[|ContainerdRegistryConfigPath = "/etc/containerd/certs.d"|]"""))),
        new("CRG105", Fires, "never set reports at the args object", Stack(spegel: """
                new SpegelRelease("spegel", [|new SpegelArgs|] { MirroredRegistries = { "http://192.168.1.105" }, PrependExisting = true });
            """)),
        new("CRG105", Fires, "a const field", Stack(spegel: SpegelWith(path: "[|ContainerdRegistryConfigPath = HostsPath|]")), "private const string HostsPath = \"/var/lib/hosts\";"),
        new("CRG105", NearMiss, "Talos path with a trailing slash", Stack(spegel: SpegelWith(path: """ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts/" """))),
        new("CRG105", NearMiss, "no Talos patch in the stack", Stack(patch: "", spegel: SpegelWith(path: """ContainerdRegistryConfigPath = "/etc/containerd/certs.d" """))),
        new("CRG105", Unknown, "path from the environment", Stack(spegel: SpegelWith(path: """ContainerdRegistryConfigPath = Environment.GetEnvironmentVariable("SPEGEL_HOSTS")"""))),

        // CRG106: discard_unpacked_layers.
        new("CRG106", Fires, "no customisation", Stack(patch: PatchWith(cri: "[|CriCustomizations = { }|]"))),
        new("CRG106", Fires, "an unrelated customisation", Stack(patch: PatchWith(cri: """[|CriCustomizations = { new TalosCriCustomization { Name = "gc", Content = "[plugins]\n" } }|]"""))),
        new("CRG106", NearMiss, "Talos 1.7 (containerd 1.7 ignores the key)", Stack(patch: PatchWith(version: """TalosVersion = "v1.7" """, cri: ""))),
        new("CRG106", NearMiss, "the machine.files form before 1.14", Stack(patch: PatchWith(cri: "", more: """
                Files = { new TalosFile { Path = TalosFile.CriCustomizationPath, Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n" } },
            """))),
        new("CRG106", Unknown, "customisation content read from a file", Stack(patch: PatchWith(cri: """CriCustomizations = { new TalosCriCustomization { Name = "spegel", Content = File.ReadAllText("keep-layers.toml") } }"""))),

        // CRG107: registry with a port, Talos and Spegel dirs differ.
        new("CRG107", Fires, "Talos mirrors registry.lan:5000 too", Stack(
            spegel: SpegelWith(registries: """MirroredRegistries = { "http://192.168.1.105", [|"https://registry.lan:5000"|] }"""),
            patch: PatchWith(mirrors: """Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } }, ["registry.lan:5000"] = new TalosMirror { Endpoints = { "https://registry.lan:5000" } } }"""))),
        new("CRG107", NearMiss, "a port, but no Talos dir for it", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "http://192.168.1.105", "https://registry.lan:5000" }"""))),
        new("CRG107", Unknown, "the Talos mirror key from the environment", Stack(
            spegel: SpegelWith(registries: """MirroredRegistries = { "http://192.168.1.105", "https://registry.lan:5000" }"""),
            patch: PatchWith(mirrors: """Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } }, [Environment.GetEnvironmentVariable("LAN_REGISTRY")!] = new TalosMirror { Endpoints = { "https://registry.lan:5000" } } }"""))),

        // CRG108: chart 0.7 on Talos < 1.11.
        new("CRG108", Fires, "0.7.4 on v1.10", Stack(
            spegel: """
                new SpegelRelease("spegel", new SpegelArgs { [|ChartVersion = "0.7.4"|], MirroredRegistries = { "http://192.168.1.105" }, PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" });
            """,
            patch: PatchWith(version: """TalosVersion = "v1.10" """))),
        new("CRG108", NearMiss, "0.6.3 on v1.10", Stack(
            spegel: """
                new SpegelRelease("spegel", new SpegelArgs { ChartVersion = "0.6.3", MirroredRegistries = { "http://192.168.1.105" }, PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" });
            """,
            patch: PatchWith(version: """TalosVersion = "v1.10" """))),
        new("CRG108", Unknown, "Talos version from the environment", Stack(patch: PatchWith(version: """TalosVersion = Environment.GetEnvironmentVariable("TALOS_VERSION")!"""))),

        // CRG109: namespace label.
        new("CRG109", Fires, "own namespace with other labels", Stack(spegel: SpegelWith(more: """Namespace = "spegel", [|NamespaceLabels = { ["team"] = "platform" }|],"""))),
        new("CRG109", NearMiss, "own namespace labelled privileged", Stack(spegel: SpegelWith(more: """Namespace = "spegel", NamespaceLabels = { ["pod-security.kubernetes.io/enforce"] = "privileged" },"""))),
        new("CRG109", Unknown, "label value from the environment", Stack(spegel: SpegelWith(more: """Namespace = "spegel", NamespaceLabels = { ["pod-security.kubernetes.io/enforce"] = Environment.GetEnvironmentVariable("PSA")! },"""))),

        // CRG110: invalid entry.
        new("CRG110", Fires, "no scheme", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { [|"docker.io"|], "http://192.168.1.105" }"""))),
        new("CRG110", Fires, "trailing slash", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "https://docker.io", [|"https://ghcr.io/"|], "http://192.168.1.105" }"""))),
        new("CRG110", NearMiss, "scheme and host only", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { "https://docker.io", "https://ghcr.io", "http://192.168.1.105" }"""))),
        new("CRG110", Unknown, "an entry from the environment", Stack(spegel: SpegelWith(registries: """MirroredRegistries = { Environment.GetEnvironmentVariable("EXTRA_REGISTRY")!, "http://192.168.1.105" }"""))),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));
}
