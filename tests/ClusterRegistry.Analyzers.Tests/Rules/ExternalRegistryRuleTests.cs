using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>
/// The analyzer judges an <c>ExternalRegistry</c> as <c>check</c> does (scheme, auth, robots, proxy-cache projects described
/// on it): exact spans when a rule fires, silence on the near miss and on non-constant values. The shapes are those of
/// KokoiRuby/devsecops (a plain-HTTP Harbor on another cluster) and a Harbor on a VM with proxy-cache projects.
/// </summary>
public class ExternalRegistryRuleTests
{
    private static string External(string url = "\"http://harbor.devsecops.example.com\"", string more = "", bool markUrl = false) => $$"""
                new ClusterRegistry.Registries.ExternalRegistry("harbor-vm", new ClusterRegistry.Registries.ExternalRegistryArgs
                {
                    {{(markUrl ? "[|" : "")}}Url = {{url}}{{(markUrl ? "|]" : "")}},
                    {{more}}
                });
        """;

    private static string VmPatch(string endpoint, string registryConfig = "", string mirrorMore = "") => $$"""
                new TalosMachinePatch("vm-mirrors", new TalosMachinePatchArgs
                {
                    TalosVersion = "v1.12",
                    Nodes = { "192.168.1.98" },
                    Mirrors = { ["harbor.devsecops.example.com"] = new TalosMirror { Endpoints = { {{endpoint}} }{{mirrorMore}} } },
                    {{registryConfig}}
                });
        """;

    private const string AdminAuth = """RegistryConfig = { ["harbor.devsecops.example.com"] = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = "admin", Password = Secret.FromEnvironment("HARBOR_PWD") } } },""";

    private static string Zot(string anonymous) => External(more: "Kind = ClusterRegistry.Registries.ExternalRegistryKind.Zot, AnonymousPull = " + anonymous + ",");

    public static readonly RuleCase[] Cases =
    {
        // CRG207 against the URL of a registry outside the cluster.
        new("CRG207", Fires, "https endpoint to an external Harbor whose URL is http", Stack(extra: External() + VmPatch("""[|"https://harbor.devsecops.example.com"|]""", AdminAuth))),
        new("CRG207", NearMiss, "http endpoint to an external Harbor whose URL is http", Stack(extra: External() + VmPatch("\"http://harbor.devsecops.example.com\"", AdminAuth))),
        new("CRG207", Unknown, "external URL from the environment", Stack(extra: External(url: "Environment.GetEnvironmentVariable(\"HARBOR_URL\")!") + VmPatch("\"https://harbor.devsecops.example.com\"", AdminAuth))),

        // CRG001 on the URL assignment (where property findings point): check refuses a path or a scheme other than http(s) (StackValidator over the same rule).
        new("CRG001", Fires, "external URL with a path", Stack(extra: External(url: "\"https://harbor.example.com/v2/library\"", markUrl: true))),
        new("CRG001", Fires, "external URL with no scheme", Stack(extra: External(url: "\"harbor.example.com\"", markUrl: true))),
        new("CRG001", NearMiss, "external URL with a port", Stack(extra: External(url: "\"https://harbor.example.com:8443\""))),
        new("CRG001", Unknown, "external URL read from the environment", Stack(extra: External(url: "Environment.GetEnvironmentVariable(\"HARBOR_URL\")!"))),

        // CRG204 for a zot that refuses anonymous pulls.
        new("CRG204", Fires, "zot with AnonymousPull = false and no auth", Stack(extra: Zot("false") + VmPatch("""[|"http://harbor.devsecops.example.com"|]""", mirrorMore: ", SkipFallback = true"))),
        new("CRG204", NearMiss, "zot with AnonymousPull = true and no auth", Stack(extra: Zot("true") + VmPatch("\"http://harbor.devsecops.example.com\"", mirrorMore: ", SkipFallback = true"))),
        new("CRG204", Unknown, "AnonymousPull from the environment", Stack(extra: Zot("Environment.GetEnvironmentVariable(\"ANON\") == \"1\"") + VmPatch("\"http://harbor.devsecops.example.com\"", mirrorMore: ", SkipFallback = true"))),

        // CRG208: a login on an external Harbor is not compared with the stack's robots.
        new("CRG208", NearMiss, "admin login on an external Harbor", Stack(extra: External() + VmPatch("\"http://harbor.devsecops.example.com\"", AdminAuth))),

        // CRG308 for a proxy-cache project described on an external Harbor.
        new("CRG308", Fires, "private proxy-cache project on an external Harbor, no auth", Stack(extra: External(url: "\"https://registry.example.com\"", more: """Projects = { new ClusterRegistry.Registries.ExternalRegistryProject { Name = "quay", ProxyCacheUpstream = "quay.io" } },""") + """
                new TalosMachinePatch("vm-mirrors", new TalosMachinePatchArgs
                {
                    TalosVersion = "v1.12",
                    Nodes = { "192.168.1.98" },
                    Mirrors = { ["quay.io"] = new TalosMirror { Endpoints = { [|"https://registry.example.com/v2/quay"|] }, OverridePath = true } },
                });
        """)),
        new("CRG308", NearMiss, "public proxy-cache project on an external Harbor", Stack(extra: External(url: "\"https://registry.example.com\"", more: """Projects = { new ClusterRegistry.Registries.ExternalRegistryProject { Name = "quay", Public = true, ProxyCacheUpstream = "quay.io" } },""") + """
                new TalosMachinePatch("vm-mirrors", new TalosMachinePatchArgs
                {
                    TalosVersion = "v1.12",
                    Nodes = { "192.168.1.98" },
                    Mirrors = { ["quay.io"] = new TalosMirror { Endpoints = { "https://registry.example.com/v2/quay" }, OverridePath = true } },
                });
        """)),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));
}
