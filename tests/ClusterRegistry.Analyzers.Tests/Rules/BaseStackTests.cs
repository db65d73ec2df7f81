using System.Collections.Immutable;
using ClusterRegistry.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>
/// Stacks that share a base class (<c>Homelab : Cluster</c>, where <c>Cluster</c> declares Harbor and Spegel for every
/// environment): each stack is judged on the base's declarations plus its own, a finding about something inherited is
/// reported once (at the base's span when the base alone shows it, on the stack's name when only the stack does), and an
/// abstract base on its own is open (its derived classes complete it), so rules about something absent stay silent there.
/// </summary>
public class BaseStackTests
{
    private static readonly string HarborField = Fragments.Harbor.Replace("var harbor = ", "harbor = ", StringComparison.Ordinal);

    /// <summary>An abstract base declaring Harbor (in a field) and Spegel, for every environment.</summary>
    internal static string Base(string? spegel = null, string extraConstructor = "") => $$"""
        public abstract class Cluster : Stack
        {
            protected readonly HarborRegistry harbor;

            protected Cluster(string name) : base(name)
            {
        {{HarborField}}
        {{spegel ?? Fragments.Spegel}}
            }
        {{extraConstructor}}
        }

        """;

    /// <summary>An environment: robot, auth, Talos patch and probe in its own constructor.</summary>
    internal static string Derived(string name, string? patch = null, string? probe = null, string extra = "") => $$"""
        public sealed class {{name}} : Cluster
        {
            public {{name.Replace("[|", "").Replace("|]", "")}}() : base("{{name.Replace("[|", "").Replace("|]", "").ToLowerInvariant()}}")
            {
        {{Robot}}
        {{Auth}}
        {{patch ?? Patch}}
        {{probe ?? Fragments.Probe}}
        {{extra}}
            }
        }

        """;

    public static readonly RuleCase[] Cases =
    {
        RuleCase.WholeFile("CRG403", Fires, "the probe is missing from the environment, Harbor is in the base: reported on the environment's name",
            Base() + Derived("[|Home|]", probe: "")),
        RuleCase.WholeFile("CRG403", NearMiss, "the environment has the probe", Base() + Derived("Home")),
        RuleCase.WholeFile("CRG403", NearMiss, "the abstract base alone has no probe: its environments complete it", Base()),
        RuleCase.WholeFile("CRG201", Fires, "the environment's endpoint has no host entry for the base's Harbor", Base() + Derived("Home", patch: PatchWith(
            mirrors: $$"""Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { [|"http://harbor.harbor.svc.cluster.local"|] } } }""",
            hostEntries: ""))),
        RuleCase.WholeFile("CRG001", Fires, "a value the base alone gets wrong is reported once, at the base, not again by each environment",
            Base().Replace("ClusterIP = \"10.43.216.243\"", "[|ClusterIP = \"10.43.216.256\"|]", StringComparison.Ordinal) + Derived("Home") + Derived("Lab")),
        RuleCase.WholeFile("CRG102", Fires, "a base value that is wrong only beside the environment's Talos mirrors: reported on each environment's name",
            Base(spegel: SpegelWith(prepend: "PrependExisting = false")) + Derived("[|Home|]") + Derived("[|Lab|]")),
        RuleCase.WholeFile("CRG102", NearMiss, "the same base with PrependExisting = true", Base() + Derived("Home") + Derived("Lab")),
        RuleCase.WholeFile("CRG002", Fires, "the environment declares a robot name the base already has", Base(spegel: Fragments.Spegel + """
                    new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("apps") } });
            """) + Derived("Home").Replace("new RobotAccount(\"cluster-pull\"", "new RobotAccount([|\"cluster-pull\"|]", StringComparison.Ordinal)),
        RuleCase.WholeFile("CRG002", NearMiss, "a base with two constructors, each creating Harbor: only one runs", Base(extraConstructor: $$"""
                protected Cluster() : base("default")
                {
            {{HarborField}}
                }
            """) + Derived("Home")),
        RuleCase.WholeFile("CRG403", Unknown, "a probe declared in a base constructor off the environment's chain is only possible", Base(extraConstructor: $$"""
                protected Cluster() : base("default")
                {
            {{HarborField}}
            {{Fragments.Probe}}
                }
            """) + Derived("Home", probe: "")),
        RuleCase.WholeFile("CRG403", Fires, "a generic base: the constructor chain through Cluster<int> is followed",
            Base().Replace("public abstract class Cluster : Stack", "public abstract class Cluster<TTag> : Stack", StringComparison.Ordinal)
                + Derived("[|Home|]", probe: "").Replace(" : Cluster\n", " : Cluster<int>\n", StringComparison.Ordinal)),
        RuleCase.WholeFile("CRG403", Fires, "a protected helper of the base, called by the environment, is followed: the stack stays closed",
            Base(extraConstructor: """
                protected void AddPatch(string node, TalosRegistryConfig auth)
                {
                    new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
                    {
                        TalosVersion = "v1.11",
                        Nodes = { node },
                        Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } } },
                        RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, ["192.168.1.105"] = auth },
                        ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
                        CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
                    });
                }
            """) + Derived("[|Home|]", patch: "AddPatch(\"192.168.1.98\", auth);", probe: "")),
        RuleCase.WholeFile("CRG403", Unknown, "a public helper of the base may be called again from outside: the stack stays open",
            Base(extraConstructor: $$"""
                public void AddProbe()
                {
            {{Fragments.Probe}}
                }
            """) + Derived("Home", probe: "")),
        RuleCase.WholeFile("CRG001", Fires, "a constant the environment passes to the base constructor (through its own chain) is judged, on the environment",
            Base().Replace("protected Cluster(string name) : base(name)", "protected Cluster(string name, string clusterIp) : base(name)", StringComparison.Ordinal)
                .Replace("ClusterIP = \"10.43.216.243\"", "ClusterIP = clusterIp", StringComparison.Ordinal)
            + Derived("[|Home|]").Replace(": base(\"home\")", ": this(\"10.43.216.256\")\n    {\n    }\n\n    private Home(string ip) : base(\"home\", ip)", StringComparison.Ordinal)),
        RuleCase.WholeFile("CRG001", Unknown, "a base constructor argument from the environment variable is unknown",
            Base().Replace("protected Cluster(string name) : base(name)", "protected Cluster(string name, string clusterIp) : base(name)", StringComparison.Ordinal)
                .Replace("ClusterIP = \"10.43.216.243\"", "ClusterIP = clusterIp", StringComparison.Ordinal)
            + Derived("Home").Replace(": base(\"home\")", ": base(\"home\", Environment.GetEnvironmentVariable(\"CLUSTER_IP\")!)", StringComparison.Ordinal)),
        RuleCase.WholeFile("CRG001", NearMiss, "a valid constant passed to the base constructor",
            Base().Replace("protected Cluster(string name) : base(name)", "protected Cluster(string name, string clusterIp) : base(name)", StringComparison.Ordinal)
                .Replace("ClusterIP = \"10.43.216.243\"", "ClusterIP = clusterIp", StringComparison.Ordinal)
            + Derived("Home").Replace(": base(\"home\")", ": base(\"home\", \"10.43.216.243\")", StringComparison.Ordinal)),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));

    [Fact]
    public async Task A_complete_stack_split_over_a_base_and_two_environments_fires_nothing()
    {
        var diags = await TestCompilation.AnalyzeAsync(TestCompilation.Create(TestCompilation.Usings + Base() + Derived("Home") + Derived("Lab")));
        Assert.Empty(diags);
    }

    [Fact]
    public async Task Before_the_split_was_followed_the_abstract_base_reported_a_missing_probe_now_nobody_does()
    {
        // The regression this class exists for: the base analysed alone, as if it were a whole stack, reported CRG403 at
        // its Harbor although every environment declares a probe.
        var diags = await TestCompilation.AnalyzeAsync(TestCompilation.Create(TestCompilation.Usings + Base() + Derived("Home")));
        Assert.DoesNotContain(diags, d => d.Id == "CRG403");
    }

    [Fact]
    public async Task A_base_stack_from_a_referenced_assembly_cannot_be_read_so_rules_about_absence_stay_silent()
    {
        var library = TestCompilation.Create(TestCompilation.Usings + Base());
        using var pe = new MemoryStream();
        var emitted = library.Emit(pe);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var reference = MetadataReference.CreateFromImage(pe.ToArray());

        // The environment alone lacks Harbor and Spegel, which the unreadable base declares: nothing may be reported
        // as missing. A value it writes itself is still judged (CRG102 has nothing to do with the base).
        var source = TestCompilation.Usings + Derived("Home", probe: "");
        var compilation = CSharpCompilation.Create(
            "Derived", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Home.cs"),
                CSharpSyntaxTree.ParseText(TestCompilation.GlobalUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/GlobalUsings.g.cs") },
            TestCompilation.References.Add(reference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        Assert.Empty(diags);
    }
}
