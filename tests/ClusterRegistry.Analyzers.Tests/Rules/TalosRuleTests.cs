using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>CRG201–CRG212 in the analyzer: exact spans when they fire, silence on near misses and on non-constant values.</summary>
public class TalosRuleTests
{
    private const string SvcEndpoint = "\"http://harbor.harbor.svc.cluster.local\"";

    public static readonly RuleCase[] Cases =
    {
        // CRG201: cluster DNS endpoint without host entry.
        new("CRG201", Fires, "no host entries", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { [|{{SvcEndpoint}}|] } } }""",
            hostEntries: ""))),
        new("CRG201", Fires, "a host entry for another name", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { [|{{SvcEndpoint}}|] } } }""",
            hostEntries: """ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.lan" } } }"""))),
        new("CRG201", NearMiss, "an IP endpoint needs no host entry", Stack(patch: PatchWith(
            mirrors: """Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://10.43.216.243" } } }""",
            hostEntries: ""))),
        new("CRG201", Unknown, "alias from the environment", Stack(patch: PatchWith(
            hostEntries: """ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { Environment.GetEnvironmentVariable("HARBOR_HOST")! } } }"""))),

        // CRG202: host entry with the wrong IP.
        new("CRG202", Fires, "stale ClusterIP", Stack(patch: PatchWith(
            hostEntries: """ExtraHostEntries = { new TalosHostEntry { [|Ip = "10.43.216.250"|], Aliases = { "harbor.harbor.svc.cluster.local" } } }"""))),
        new("CRG202", NearMiss, "another Service name with another IP", Stack(patch: PatchWith(
            hostEntries: """ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } }, new TalosHostEntry { Ip = "10.43.0.10", Aliases = { "dns.kube-system.svc.cluster.local" } } }"""))),
        new("CRG202", Unknown, "Harbor's ClusterIP from the environment", Stack(
            harbor: HarborWith(clusterIp: """ClusterIP = Environment.GetEnvironmentVariable("HARBOR_CLUSTER_IP")"""),
            patch: PatchWith(hostEntries: """ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.250", Aliases = { "harbor.harbor.svc.cluster.local" } } }"""))),

        // CRG203: ClusterIP not pinned / outside the subnet.
        new("CRG203", Fires, "PinClusterIP = false", Stack(harbor: HarborWith(more: "[|PinClusterIP = false|],"))),
        new("CRG203", Fires, "ClusterIP outside the service subnet", Stack(
            harbor: HarborWith(clusterIp: """[|ClusterIP = "10.44.0.5"|]"""),
            patch: PatchWith(hostEntries: """ExtraHostEntries = { new TalosHostEntry { Ip = "10.44.0.5", Aliases = { "harbor.harbor.svc.cluster.local" } } }"""))),
        new("CRG203", NearMiss, "not pinned, but no host entry uses it", Stack(harbor: HarborWith(more: "PinClusterIP = false,"), patch: PatchWith(hostEntries: ""))),
        new("CRG203", Unknown, "PinClusterIP from the environment", Stack(harbor: HarborWith(more: """PinClusterIP = bool.Parse(Environment.GetEnvironmentVariable("PIN") ?? "true"),"""))),

        // CRG204: Harbor endpoint without auth.
        new("CRG204", Fires, "auth only on the mirror name", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { [|{{SvcEndpoint}}|] } } }""",
            registryConfig: """RegistryConfig = { ["192.168.1.105"] = auth }"""))),
        new("CRG204", NearMiss, "every project the stack declares is public", Stack(
            patch: PatchWith(registryConfig: ""),
            extra: """new HarborProject("library", new HarborProjectArgs { Registry = harbor, Public = true });"""),
            ""),
        new("CRG204", Unknown, "auth key from the environment", Stack(patch: PatchWith(
            registryConfig: """RegistryConfig = { [Environment.GetEnvironmentVariable("AUTH_HOST")!] = auth, ["192.168.1.105"] = auth }"""))),

        // CRG205: auth keyed on the mirror name.
        new("CRG205", Fires, "auth on the LoadBalancer IP only", Stack(patch: PatchWith(registryConfig: """RegistryConfig = { [|["192.168.1.105"] = auth|] }"""))),
        new("CRG205", NearMiss, "auth on the endpoint host only", Stack(patch: PatchWith(registryConfig: """RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth }"""))),
        new("CRG205", Unknown, "endpoint from the environment", Stack(patch: PatchWith(
            mirrors: """Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { Environment.GetEnvironmentVariable("HARBOR_ENDPOINT")! } } }""",
            registryConfig: """RegistryConfig = { ["192.168.1.105"] = auth }"""))),

        // CRG206: key with scheme or path.
        new("CRG206", Fires, "mirror key with a scheme", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { [|["http://192.168.1.105"] = new TalosMirror { Endpoints = { {{SvcEndpoint}} } }|] }"""))),
        new("CRG206", Fires, "registry config key with a trailing slash", Stack(patch: PatchWith(
            registryConfig: """RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, [|["192.168.1.105/"] = auth|] }"""))),
        new("CRG206", NearMiss, "key with a port", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { {{SvcEndpoint}} } }, ["registry.lan:5000"] = new TalosMirror { Endpoints = { "https://registry.lan:5000" } } }"""))),
        new("CRG206", Unknown, "key from the environment", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { [Environment.GetEnvironmentVariable("MIRROR_KEY")!] = new TalosMirror { Endpoints = { {{SvcEndpoint}} } } }"""))),

        // CRG207: endpoint scheme vs Harbor TLS.
        new("CRG207", Fires, "https endpoint on a Tls = false Harbor", Stack(patch: PatchWith(
            mirrors: """Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { [|"https://harbor.harbor.svc.cluster.local"|] } } }"""))),
        new("CRG207", NearMiss, "https endpoint of another registry", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { {{SvcEndpoint}} } }, ["docker.io"] = new TalosMirror { Endpoints = { "https://mirror.gcr.io" } } }"""))),
        new("CRG207", Unknown, "Harbor's Tls from the environment", Stack(
            harbor: HarborWith(tls: """Tls = bool.Parse(Environment.GetEnvironmentVariable("TLS") ?? "false")"""),
            patch: PatchWith(mirrors: """Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "https://harbor.harbor.svc.cluster.local" } } }"""))),

        // CRG208: username is not a robot's full name.
        new("CRG208", Fires, "robot name without robot$", Stack(auth: """
                var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { [|Username = "cluster-pull"|], Password = robot.Secret } };
            """)),
        new("CRG208", NearMiss, "the full name written out", Stack(auth: """
                var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = "robot$cluster-pull", Password = robot.Secret } };
            """)),
        new("CRG208", Unknown, "username from the environment", Stack(auth: """
                var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = Environment.GetEnvironmentVariable("HARBOR_USER"), Password = robot.Secret } };
            """)),

        // CRG209: secret in code.
        new("CRG209", Fires, "plaintext auth password", Stack(auth: """
                var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, Password = [|Secret.FromPlaintextUnsafe("HARBOR_ROBOT_PASSWORD", "hunter2")|] } };
            """)),
        new("CRG209", Fires, "password in a Helm value", Stack(harbor: HarborWith(more: """ExtraValues = { ["database.internal.password"] = [|"changeit"|] },"""))),
        new("CRG209", NearMiss, "a ${VAR} placeholder in a Helm value", Stack(harbor: HarborWith(more: """ExtraValues = { ["database.internal.password"] = "${DB_PASSWORD}" },"""))),
        new("CRG209", Fires, "secret from a helper method of the stack", Stack(auth: """
                var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, Password = LoadSecret() } };
            """), "private static Secret LoadSecret() => [|Secret.FromPlaintextUnsafe(\"P\", \"not-seen\")|];"),
        new("CRG209", Unknown, "secret from a helper outside the stack class", Stack(auth: """
                var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, Password = Helpers.LoadSecret() } };
            """), "private static class Helpers { public static Secret LoadSecret() => Secret.FromPlaintextUnsafe(\"P\", \"not-seen\"); }"),

        // CRG210: machine.files on Talos >= 1.14.
        new("CRG210", Fires, "machine.files outside /etc on v1.14", Stack(patch: PatchWith(version: """TalosVersion = "v1.14" """, more: """
                Files = { [|new TalosFile { Path = "/var/lib/motd", Content = "hello" }|] },
            """))),
        new("CRG210", NearMiss, "the CRI part file on v1.14, which synth renders as a CRICustomizationConfig", Stack(patch: PatchWith(version: """TalosVersion = "v1.14" """, cri: "", more: """
                Files = { new TalosFile { Path = TalosFile.CriCustomizationPath, Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n" } },
            """))),
        new("CRG210", NearMiss, "machine.registries kept on v1.13 by choice", Stack(patch: PatchWith(version: """TalosVersion = "v1.13" """, more: """
                RegistryConfigForm = TalosConfigForm.Legacy,
            """))),
        new("CRG210", NearMiss, "machine.files on v1.13", Stack(patch: PatchWith(version: """TalosVersion = "v1.13" """, cri: "", more: """
                Files = { new TalosFile { Path = TalosFile.CriCustomizationPath, Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n" } },
            """))),
        new("CRG210", Unknown, "Talos version from the environment", Stack(patch: PatchWith(version: """TalosVersion = Environment.GetEnvironmentVariable("TALOS_VERSION")!""", cri: "", more: """
                Files = { new TalosFile { Path = TalosFile.CriCustomizationPath, Content = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n" } },
            """))),

        // CRG211: the fallback to the registry itself fails.
        new("CRG211", Fires, "no auth for the LoadBalancer IP (the seed runbook)", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { [|["192.168.1.105"] = new TalosMirror { Endpoints = { {{SvcEndpoint}} } }|] }""",
            registryConfig: """RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth }"""))),
        new("CRG211", Fires, "no Spegel server line with http", Stack(spegel: "", patch: PatchWith(
            mirrors: $$"""Mirrors = { [|["192.168.1.105"] = new TalosMirror { Endpoints = { {{SvcEndpoint}} } }|] }"""))),
        new("CRG211", NearMiss, "SkipFallback = true", Stack(patch: PatchWith(
            mirrors: $$"""Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { {{SvcEndpoint}} }, SkipFallback = true } }""",
            registryConfig: """RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth }"""))),
        new("CRG211", Unknown, "a second auth key from the environment", Stack(patch: PatchWith(
            registryConfig: """RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, [Environment.GetEnvironmentVariable("FALLBACK_HOST")!] = auth }"""))),

        // CRG212: Harbor's chart through Harbor.
        new("CRG212", Fires, "chart repository on the Harbor itself", Stack(harbor: HarborWith(more: """[|ChartRepository = "oci://192.168.1.105/charts"|],"""))),
        new("CRG212", NearMiss, "chart repository on another registry", Stack(harbor: HarborWith(more: """ChartRepository = "oci://registry.lan/charts","""))),
        new("CRG212", Unknown, "chart repository from the environment", Stack(harbor: HarborWith(more: """ChartRepository = Environment.GetEnvironmentVariable("CHART_REPO")!,"""))),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));
}
