using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>
/// CRG003, CRG111, CRG213, CRG214, CRG307, CRG308 in the analyzer, on the shapes real repositories use (Harbor proxy-cache
/// projects behind overridePath mirrors, chart values trees): exact spans when they fire, silence on near misses and on
/// non-constant values.
/// </summary>
public class RealConfigurationRuleTests
{
    private const string HarborSvcMirror = """["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } }""";

    private static string ProxyProject(string upstream = "\"docker.io\"", string isPublic = "true") => $$"""
                new HarborProject("proxy-dockerhub", new HarborProjectArgs
                {
                    Registry = harbor,
                    Public = {{isPublic}},
                    ProxyCache = new HarborProxyCacheArgs { Upstream = {{upstream}} },
                });
        """;

    private static string DockerMirror(string endpoints, string overridePath = "OverridePath = true") =>
        PatchWith(mirrors: $$"""Mirrors = { {{HarborSvcMirror}}, ["docker.io"] = new TalosMirror { Endpoints = { {{endpoints}} }, {{overridePath}} } }""");

    public static readonly RuleCase[] Cases =
    {
        // CRG003: Values contradict a typed property.
        new("CRG003", Fires, "Values turns prependExisting off while PrependExisting = true", Stack(spegel: SpegelWith(more: """
                Values = { ["spegel"] = new HelmValues { [|["prependExisting"] = false|] } },
            """))),
        new("CRG003", NearMiss, "Values sets what no typed property covers", Stack(spegel: SpegelWith(more: """
                Values = { ["spegel"] = new HelmValues { ["logLevel"] = "DEBUG" }, ["resources"] = new HelmValues { ["limits"] = new HelmValues { ["memory"] = "120Mi" } } },
            """))),
        new("CRG003", Unknown, "the Values leaf from the environment", Stack(spegel: SpegelWith(more: """
                Values = { ["spegel"] = new HelmValues { ["prependExisting"] = Environment.GetEnvironmentVariable("PREPEND") == "1" } },
            """))),

        // CRG111: unknown or renamed Spegel chart key.
        new("CRG111", Fires, "appendMirrors on chart 0.7.4", Stack(spegel: SpegelWith(more: """
                Values = { ["spegel"] = new HelmValues { [|["appendMirrors"] = true|] } },
            """))),
        new("CRG111", NearMiss, "keys of chart 0.7.4, one with dots", Stack(spegel: SpegelWith(more: """
                Values = { ["spegel"] = new HelmValues { ["registryFilters"] = new[] { ":latest$" } }, ["podAnnotations"] = new HelmValues { ["example.com/owner"] = "platform" } },
            """))),
        new("CRG111", Unknown, "the key from the environment", Stack(spegel: SpegelWith(more: """
                Values = { ["spegel"] = new HelmValues { [Environment.GetEnvironmentVariable("KEY")!] = true } },
            """))),

        // CRG213: overridePath with a bare endpoint.
        new("CRG213", Fires, "upstream next to a proxy-cache endpoint", Stack(extra: ProxyProject(), patch: DockerMirror(
            """ "http://192.168.1.105/v2/proxy-dockerhub", [|"https://registry-1.docker.io"|] """))),
        new("CRG213", NearMiss, "upstream with its /v2 root", Stack(extra: ProxyProject(), patch: DockerMirror(
            """ "http://192.168.1.105/v2/proxy-dockerhub", "https://registry-1.docker.io/v2" """))),
        new("CRG213", Unknown, "endpoint from the environment", Stack(extra: ProxyProject(), patch: DockerMirror(
            """ "http://192.168.1.105/v2/proxy-dockerhub", Environment.GetEnvironmentVariable("UPSTREAM")! """))),

        // CRG214: /v2/<project> without overridePath.
        new("CRG214", Fires, "proxy-cache endpoint without OverridePath", Stack(extra: ProxyProject(), patch: DockerMirror(
            """[|"http://192.168.1.105/v2/proxy-dockerhub"|]""", overridePath: "OverridePath = false"))),
        new("CRG214", NearMiss, "a path-routing proxy without /v2", Stack(patch: DockerMirror(
            """ "https://mirrors.example.com/docker-io" """, overridePath: "OverridePath = false"))),
        new("CRG214", Unknown, "OverridePath from the environment", Stack(extra: ProxyProject(), patch: DockerMirror(
            """ "http://192.168.1.105/v2/proxy-dockerhub" """, overridePath: "OverridePath = Environment.GetEnvironmentVariable(\"OVERRIDE\") == \"1\""))),

        // CRG215: skipFallback on a Talos version before v1.9 (siderolabs/talos#9723).
        new("CRG215", Fires, "SkipFallback on Talos v1.8", Stack(patch: PatchWith(version: "TalosVersion = \"v1.8\"",
            mirrors: "Mirrors = { [\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"http://harbor.harbor.svc.cluster.local\" }, [|SkipFallback = true|] } }"))),
        new("CRG215", NearMiss, "SkipFallback on Talos v1.11", Stack(patch: PatchWith(
            mirrors: "Mirrors = { [\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"http://harbor.harbor.svc.cluster.local\" }, SkipFallback = true } }"))),
        new("CRG215", Unknown, "Talos version from the environment", Stack(patch: PatchWith(version: "TalosVersion = Environment.GetEnvironmentVariable(\"TALOS\")!",
            mirrors: "Mirrors = { [\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"http://harbor.harbor.svc.cluster.local\" }, SkipFallback = true } }"))),

        // CRG307: project does not proxy the mirrored registry.
        new("CRG307", Fires, "docker.io into a project that proxies ghcr.io", Stack(extra: ProxyProject(upstream: "\"ghcr.io\""), patch: DockerMirror(
            """[|"http://192.168.1.105/v2/proxy-dockerhub"|]"""))),
        new("CRG307", NearMiss, "Docker Hub's registry-1 alias", Stack(extra: ProxyProject(upstream: "\"registry-1.docker.io\""), patch: DockerMirror(
            """ "http://192.168.1.105/v2/proxy-dockerhub" """))),
        new("CRG307", Unknown, "upstream from the environment", Stack(extra: ProxyProject(upstream: "Environment.GetEnvironmentVariable(\"UPSTREAM\")!"), patch: DockerMirror(
            """ "http://192.168.1.105/v2/proxy-dockerhub" """))),

        // CRG308: private project, no auth for the endpoint host.
        new("CRG308", Fires, "private proxy project and auth only on the Service name", Stack(extra: ProxyProject(isPublic: "false"), patch: DockerMirror(
            """[|"http://192.168.1.105/v2/proxy-dockerhub"|]""").Replace("""["192.168.1.105"] = auth""", ""))),
        new("CRG308", NearMiss, "public proxy project while library stays private", Stack(extra: ProxyProject(), patch: DockerMirror(
            """ "http://192.168.1.105/v2/proxy-dockerhub" """).Replace("""["192.168.1.105"] = auth""", ""))),
        new("CRG308", Unknown, "project visibility from the environment", Stack(extra: ProxyProject(isPublic: "Environment.GetEnvironmentVariable(\"PUBLIC\") == \"1\""), patch: DockerMirror(
            """ "http://192.168.1.105/v2/proxy-dockerhub" """).Replace("""["192.168.1.105"] = auth""", ""))),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));
}
