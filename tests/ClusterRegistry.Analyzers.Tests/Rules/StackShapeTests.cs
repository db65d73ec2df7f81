using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>
/// How stack code may be written and still be understood: constants of every form, locals holding resources,
/// declarations spread over fields, constructors and methods, and several stack classes in one project, each analysed
/// on its own. A constant that evaluates to the right value must stay silent, so the value is really computed.
/// </summary>
public class StackShapeTests
{
    private static string Path(string assignment) => Stack(spegel: SpegelWith(path: assignment));

    private const string SpegelOk = """new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "http://192.168.1.105" }, PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" });""";

    public static readonly RuleCase[] Cases =
    {
        // Constants of every form (CRG105 needs the exact path).
        new("CRG105", Fires, "const field", Path("[|ContainerdRegistryConfigPath = HostsPath|]"), "private const string HostsPath = \"/var/lib/hosts\";"),
        new("CRG105", Fires, "const local", "const string hostsPath = \"/var/lib/hosts\";\n" + Path("[|ContainerdRegistryConfigPath = hostsPath|]")),
        new("CRG105", Fires, "constant interpolated string", "const string root = \"/var/lib\";\n" + Path("[|ContainerdRegistryConfigPath = $\"{root}/hosts\"|]")),
        new("CRG105", Fires, "concatenation of const fields and literals", Path("[|ContainerdRegistryConfigPath = Root + \"/\" + Leaf|]"), "private const string Root = \"/var/lib\";\nprivate const string Leaf = \"hosts\";"),
        new("CRG105", Fires, "local assigned once", "var hostsPath = \"/var/lib/hosts\";\n" + Path("[|ContainerdRegistryConfigPath = hostsPath|]")),
        new("CRG105", Fires, "static readonly field assigned once", Path("[|ContainerdRegistryConfigPath = HostsPath|]"), "private static readonly string HostsPath = \"/var/lib/hosts\";"),
        new("CRG105", Fires, "constant from another class", Path("[|ContainerdRegistryConfigPath = Paths.Hosts|]"), "private static class Paths { public const string Hosts = \"/var/lib/hosts\"; }"),
        new("CRG105", NearMiss, "the right path built by concatenation", Path("ContainerdRegistryConfigPath = Cri + \"/hosts\""), "private const string Cri = \"/etc/cri/conf.d\";"),
        new("CRG105", NearMiss, "the right path by constant interpolation", "const string cri = \"/etc/cri/conf.d\";\n" + Path("ContainerdRegistryConfigPath = $\"{cri}/hosts\"")),
        new("CRG105", NearMiss, "the right path in a local", "var hostsPath = \"/etc/cri/conf.d/hosts\";\n" + Path("ContainerdRegistryConfigPath = hostsPath")),
        new("CRG105", Unknown, "a local changed on one branch", "var hostsPath = \"/var/lib/hosts\";\nif (Environment.ProcessorCount > 4) { hostsPath = \"/etc/cri/conf.d/hosts\"; }\n" + Path("ContainerdRegistryConfigPath = hostsPath")),
        new("CRG105", Unknown, "interpolation of a non-constant", Path("ContainerdRegistryConfigPath = $\"{Environment.CurrentDirectory}/hosts\"")),
        new("CRG105", Fires, "a helper method of the stack returning a constant", Path("[|ContainerdRegistryConfigPath = Pick()|]"), "private static string Pick() => \"/var/lib/hosts\";"),
        new("CRG105", Unknown, "a method call outside the stack class", Path("ContainerdRegistryConfigPath = Helpers.Pick()"),
            "private static class Helpers { public static string Pick() => \"/var/lib/hosts\"; }"),

        // Locals holding resources: the robot passed to auth (its FullName, Secret), Harbor passed to the robot.
        new("CRG303", Fires, "robot reached through auth in a local", Stack(robot: """
                var robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { [|RobotPermission.Push("library")|] } });
            """)),
        new("CRG305", Fires, "Harbor reached through an alias local", Stack(
            robot: """
                var registry = harbor;
                var robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = registry, [|Permissions = { RobotPermission.Pull("library") }|] });
            """,
            probe: HarborRuleTests.ProbeWith("\"192.168.1.105/apps/myapp:v1\""))),
        new("CRG208", NearMiss, "username from the robot in a local", Stack()),

        // Declarations spread over fields, constructors and methods of one stack class.
        new("CRG105", Fires, "Spegel in a helper method, Harbor in a field, patch in the constructor", Stack(harbor: "", spegel: "Spegel();"), """
                private readonly HarborRegistry harbor = new HarborRegistry("harbor", new HarborArgs { LoadBalancerIP = "192.168.1.105", ClusterIP = "10.43.216.243", ServiceSubnet = "10.43.0.0/16", ExternalUrl = "http://192.168.1.105", Tls = false });
                private void Spegel() => new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "http://192.168.1.105" }, PrependExisting = true, [|ContainerdRegistryConfigPath = "/var/lib/hosts"|] });
            """),
        RuleCase.WholeFile("CRG302", Fires, "constructor chain", """
            public sealed class S : Stack
            {
                private readonly HarborRegistry harbor;

                public S() : this("s", 0) { }

                private S(string name, int days) : base(name)
                {
                    harbor = new HarborRegistry("harbor", new HarborArgs { LoadBalancerIP = "192.168.1.105", Tls = false });
                    new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("library") }, [|DurationDays = Days|] });
                }

                private const int Days = 0;
            }
            """),
        RuleCase.WholeFile("CRG303", Fires, "robot in a get-only auto-property assigned in the constructor", $$"""
            public sealed class S : Stack
            {
                private RobotAccount Robot { get; }

                public S() : base("s")
                {
            {{Fragments.Harbor}}
                    Robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { [|RobotPermission.Push("library")|] } });
                    var robot = Robot;
            {{Stack(harbor: "", robot: "")}}
                }
            }
            """),
        RuleCase.WholeFile("CRG303", Unknown, "an auto-property assigned twice holds no single value", $$"""
            public sealed class S : Stack
            {
                private RobotAccount Robot { get; set; }

                public S() : base("s")
                {
            {{Fragments.Harbor}}
                    Robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Push("library") } });
                    Robot = new RobotAccount("cluster-pull-2", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Push("library") } });
                    var robot = Robot;
            {{Stack(harbor: "", robot: "")}}
                }
            }
            """),
        RuleCase.WholeFile("CRG303", Unknown, "robot behind a property with a body is not followed", $$"""
            public sealed class S : Stack
            {
                private readonly List<RobotAccount> robots = new();

                private RobotAccount Robot { get { return robots[0]; } }

                public S() : base("s")
                {
            {{Fragments.Harbor}}
                    robots.Add(new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Push("library") } }));
                    var robot = Robot;
            {{Stack(harbor: "", robot: "")}}
                }
            }
            """),
        // Helper methods of the stack class, interpreted where they are called.
        RuleCase.WholeFile("CRG403", Fires, "everything in private helpers called from the constructor: the stack stays closed", $$"""
            public sealed class S : Stack
            {
                public S() : base("s")
                {
                    var harbor = AddHarbor();
                    var robot = AddRobot(harbor, "cluster-pull");
                    AddSpegel();
                    AddTalos(robot);
                }

                private HarborRegistry AddHarbor() => [|new HarborRegistry|]("harbor", new HarborArgs { ChartVersion = "1.17.1", LoadBalancerIP = "192.168.1.105", ClusterIP = "10.43.216.243", ServiceSubnet = "10.43.0.0/16", ExternalUrl = "http://192.168.1.105", Tls = false, AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD") });

                private RobotAccount AddRobot(HarborRegistry registry, string name)
                {
                    var robot = new RobotAccount(name, new RobotAccountArgs { Registry = registry, Permissions = { RobotPermission.Pull("library") } });
                    return robot;
                }

                private void AddSpegel()
                {
            {{Fragments.Spegel}}
                }

                private void AddTalos(RobotAccount robot)
                {
            {{Fragments.Auth}}
            {{Fragments.Patch}}
                }
            }
            """),
        RuleCase.WholeFile("CRG403", Unknown, "the probe comes from a helper called on a branch", $$"""
            public sealed class S : Stack
            {
                public S() : base("s")
                {
            {{Stack(probe: "")}}
                    if (Environment.GetEnvironmentVariable("PROBE") == "1")
                    {
                        AddProbe();
                    }
                }

                private void AddProbe()
                {
            {{Fragments.Probe}}
                }
            }
            """),
        RuleCase.WholeFile("CRG001", Fires, "a wrong node IP passed to a helper is reported where it is written", $$"""
            public sealed class S : Stack
            {
                public S() : base("s")
                {
            {{Stack(patch: "")}}
                    AddPatch([|"192.168.1"|], auth);
                }

                private void AddPatch(string node, TalosRegistryConfig auth)
                {
                    var args = new TalosMachinePatchArgs
                    {
                        TalosVersion = "v1.11",
                        Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } } },
                        RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, ["192.168.1.105"] = auth },
                        ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
                        CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
                    };
                    args.Nodes.Add(node);
                    new TalosMachinePatch("machine-network", args);
                }
            }
            """),
        RuleCase.WholeFile("CRG403", Unknown, "a recursive helper is not followed into itself", $$"""
            public sealed class S : Stack
            {
                public S() : base("s")
                {
            {{Stack(probe: "")}}
                    AddProbes(1);
                }

                private void AddProbes(int n)
                {
                    if (n > 0)
                    {
                        AddProbes(n - 1);
                    }
                }

                // The recursive call is not followed, so the stack is open and CRG403 stays silent (here no probe is ever made).
            }
            """),
        RuleCase.WholeFile("CRG403", Unknown, "helpers fanning out 10 calls deep 6 levels: the call budget stops them, the stack stays open", $$"""
            public sealed class S : Stack
            {
                public S() : base("s")
                {
            {{Stack(probe: "")}}
                    A1();
                }

                private void A1() { A2(); A2(); A2(); A2(); A2(); A2(); A2(); A2(); A2(); A2(); }
                private void A2() { A3(); A3(); A3(); A3(); A3(); A3(); A3(); A3(); A3(); A3(); }
                private void A3() { A4(); A4(); A4(); A4(); A4(); A4(); A4(); A4(); A4(); A4(); }
                private void A4() { A5(); A5(); A5(); A5(); A5(); A5(); A5(); A5(); A5(); A5(); }
                private void A5() { A6(); A6(); A6(); A6(); A6(); A6(); A6(); A6(); A6(); A6(); }
                private void A6() { }
            }
            """),
        RuleCase.WholeFile("CRG403", Unknown, "a public helper may also be called from outside: the stack stays open", $$"""
            public sealed class S : Stack
            {
                public S() : base("s")
                {
            {{Stack(probe: "")}}
                }

                public void AddProbe()
                {
            {{Fragments.Probe}}
                }
            }
            """),
        RuleCase.WholeFile("CRG002", NearMiss, "two alternative constructors each create harbor: only one runs", $$"""
            public sealed class S : Stack
            {
                public S() : base("s")
                {
            {{Stack()}}
                }

                public S(string name) : base(name)
                {
            {{Fragments.Harbor}}
                }
            }
            """),
        RuleCase.WholeFile("CRG403", Fires, "a constructor chain is followed: the stack stays closed and the missing probe is seen", $$"""
            public sealed class S : Stack
            {
                public S() : this("s") { }

                private S(string name) : base(name)
                {
            {{Stack(probe: "").Replace("var harbor = new HarborRegistry(", "var harbor = [|new HarborRegistry|](", StringComparison.Ordinal)}}
                }
            }
            """),
        RuleCase.WholeFile("CRG211", Fires, "robot in a field, auth in the constructor body, patch built in steps", """
            public sealed class S : Stack
            {
                private readonly HarborRegistry harbor = new("harbor", new HarborArgs { LoadBalancerIP = "192.168.1.105", ClusterIP = "10.43.216.243", ExternalUrl = "http://192.168.1.105", Tls = false });
                private readonly RobotAccount robot;

                public S() : base("s")
                {
                    robot = new RobotAccount("cluster-pull", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("library") } });
                    var args = new TalosMachinePatchArgs { CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() } };
                    [|args.Mirrors["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } }|];
                    args.RegistryConfig.Add("harbor.harbor.svc.cluster.local", new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, Password = robot.Secret } });
                    args.ExtraHostEntries.Add(new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } });
                    new TalosMachinePatch("machine-network", args);
                    new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "http://192.168.1.105" }, PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" });
                }
            }
            """),

        // Several stack classes in one project: each is analysed on its own.
        RuleCase.WholeFile("CRG105", NearMiss, "Spegel in one stack, Talos patch in another", $$"""
            public sealed class A : Stack
            {
                public A() : base("a") { new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "https://docker.io" }, PrependExisting = true }); }
            }

            public sealed class B : Stack
            {
                public B() : base("b") { new TalosMachinePatch("p", new TalosMachinePatchArgs { TalosVersion = "v1.7" }); }
            }
            """),
        RuleCase.WholeFile("CRG105", Fires, "control: the same two resources in one stack", $$"""
            public sealed class A : Stack
            {
                public A() : base("a")
                {
                    new SpegelRelease("spegel", [|new SpegelArgs|] { MirroredRegistries = { "https://docker.io" }, PrependExisting = true });
                    new TalosMachinePatch("p", new TalosMachinePatchArgs { TalosVersion = "v1.7" });
                }
            }
            """),
        RuleCase.WholeFile("CRG204", Fires, "auth in one stack does not satisfy another", $$"""
            public sealed class Good : Stack
            {
                public Good() : base("good")
                {
            {{Stack()}}
                }
            }

            public sealed class Bad : Stack
            {
                public Bad() : base("bad")
                {
            {{Stack(patch: PatchWith(
                mirrors: """Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { [|"http://harbor.harbor.svc.cluster.local"|] } } }""",
                registryConfig: "RegistryConfig = { }"))}}
                }
            }
            """),
        RuleCase.WholeFile("CRG002", NearMiss, "the same resource names in two stacks", $$"""
            public sealed class Staging : Stack
            {
                public Staging() : base("staging") { {{Stack()}} }
            }

            public sealed class Production : Stack
            {
                public Production() : base("production") { {{Stack()}} }
            }
            """),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));

    [Fact]
    public async Task Stacks_in_different_files_of_one_project_are_analysed_apart()
    {
        var spegelOnly = TestCompilation.Usings + """
            public sealed class A : Stack
            {
                public A() : base("a") { new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "https://docker.io" }, PrependExisting = true }); }
            }
            """;
        var (broken, spans) = Markup.Parse(TestCompilation.Usings + $$"""
            public sealed class B : Stack
            {
                public B() : base("b")
                {
            {{Stack(spegel: SpegelWith(path: "[|ContainerdRegistryConfigPath = \"/var/lib/hosts\"|]"))}}
                }
            }
            """);
        var compilation = TestCompilation.Create(spegelOnly, broken);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        var crg105 = Assert.Single(diags, d => d.Id == "CRG105");
        Assert.Equal(compilation.SyntaxTrees.ElementAt(1), crg105.Location.SourceTree);
        Assert.Equal(Assert.Single(spans), crg105.Location.SourceSpan);
        Assert.DoesNotContain(diags, d => d.Location.SourceTree == compilation.SyntaxTrees.First());
    }
}
