using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>
/// CRG215 in the analyzer on the shapes public configurations use, written as stacks: each setting on a Talos version that
/// has it stays silent (a false alarm refuses the build), and each boundary fires on the last version without it and is
/// silent on the first version with it: skipFallback v1.9 (siderolabs/talos#9723), overridePath v1.3 (#6577), the
/// RegistryMirrorConfig documents v1.12 (#12194; absent from the v1.11 machine-config schema, present in v1.12's).
/// </summary>
public class TalosVersionNearMissRuleTests
{
    private const string Lb = "[\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"http://harbor.harbor.svc.cluster.local\" } }";

    private static string SkipFallback(string version, string skip = "SkipFallback = true", string more = "") => PatchWith(version: $"TalosVersion = \"{version}\"", more: more,
        mirrors: $"Mirrors = {{ {Lb}, [\"docker.io\"] = new TalosMirror {{ Endpoints = {{ \"http://docker-io.regproxy.example.com\" }}, {skip} }} }}");

    // vrozaksen/home-ops@7d368ecdaae411b40d8bc1c01e8e32ac7569a8d4: talosVersion v1.13.7, machine.registries.mirrors into
    // Harbor proxy-cache projects with overridePath: true (talos/patches/global/machine-registries.yaml), kept in that form.
    private static readonly string Vrozaksen = PatchWith(version: "TalosVersion = \"v1.13.7\"", more: "RegistryConfigForm = TalosConfigForm.Legacy,", mirrors: $$"""
        Mirrors =
                    {
                        {{Lb}},
                        ["docker.io"] = new TalosMirror { Endpoints = { "https://registry.vzkn.eu/v2/proxy-dockerhub" }, OverridePath = true },
                        ["ghcr.io"] = new TalosMirror { Endpoints = { "https://registry.vzkn.eu/v2/proxy-ghcr" }, OverridePath = true },
                        ["quay.io"] = new TalosMirror { Endpoints = { "https://registry.vzkn.eu/v2/proxy-quay" }, OverridePath = true },
                    }
        """);

    public static readonly RuleCase[] Cases =
    {
        new("CRG215", Fires, "SkipFallback on v1.8.4, the last minor without it", Stack(patch: SkipFallback("v1.8.4", "[|SkipFallback = true|]"))),
        new("CRG215", NearMiss, "SkipFallback on v1.9.0, the first version with it", Stack(patch: SkipFallback("v1.9.0"))),
        new("CRG215", NearMiss, "SkipFallback false on v1.12.4 in the documents form (siderolabs/talos#12972)", Stack(patch: SkipFallback("v1.12.4", "SkipFallback = false", "RegistryConfigForm = TalosConfigForm.Documents,"))),
        new("CRG215", Fires, "explicit SkipFallback false on v1.8.4", Stack(patch: SkipFallback("v1.8.4", "[|SkipFallback = false|]"))),
        new("CRG215", Fires, "OverridePath on v1.2.8", Stack(patch: PatchWith(version: "TalosVersion = \"v1.2.8\"",
            mirrors: $"Mirrors = {{ {Lb}, [\"docker.io\"] = new TalosMirror {{ Endpoints = {{ \"https://harbor.example.com/v2/proxy-docker.io\" }}, [|OverridePath = true|] }} }}"))),
        new("CRG215", NearMiss, "OverridePath on v1.3.0", Stack(patch: PatchWith(version: "TalosVersion = \"v1.3.0\"",
            mirrors: $"Mirrors = {{ {Lb}, [\"docker.io\"] = new TalosMirror {{ Endpoints = {{ \"https://harbor.example.com/v2/proxy-docker.io\" }}, OverridePath = true }} }}"))),
        new("CRG215", NearMiss, "vrozaksen/home-ops: overridePath mirrors on v1.13.7 kept in machine.registries", Stack(patch: Vrozaksen)),
        new("CRG215", Fires, "the documents form on v1.11.6", Stack(patch: PatchWith(version: "TalosVersion = \"v1.11.6\"", more: "[|RegistryConfigForm = TalosConfigForm.Documents|],"))),
        new("CRG215", NearMiss, "the documents form on v1.12.0", Stack(patch: PatchWith(version: "TalosVersion = \"v1.12.0\"", more: "RegistryConfigForm = TalosConfigForm.Documents,"))),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));
}
