using ClusterRegistry.Analyzers.Collection;
using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>What the IOperation collector makes of stack code: values, defaults, derived properties, unknowns.</summary>
public class CollectorTests
{
    private static async Task<(StackDeclarations D, Resolver R)> CollectAsync(string body, string members = "")
    {
        var src = TestCompilation.Usings + "public sealed class S : Stack\n{\n" + members + "\n    public S() : base(\"s\")\n    {\n" + body + "\n    }\n}\n";
        var a = await CollectingAnalyzer.RunAsync(src);
        return a.Stacks["S"];
    }

    private static SymObject Resource(StackDeclarations d, string type) => d.Resources.Single(r => r.Resource.TypeName == type).Resource;

    private static SymObject Args(Resolver r, SymObject resource) => Assert.IsType<SymObject>(r.Resolve(resource.Arguments["args"]));

    [Fact]
    public async Task Homelab_stack_is_collected_with_every_resource_and_derived_value()
    {
        var src = File.ReadAllText(Path.Combine(RepoPaths.Root, "stacks", "HomelabStack.cs"));
        var a = await CollectingAnalyzer.RunAsync(src);
        var (d, r) = a.Stacks["HomelabStack"];
        Assert.Equal("homelab", r.String(d.Name));
        Assert.False(d.Open);
        Assert.Equal(new[] { "HarborRegistry", "RobotAccount", "SpegelRelease", "TalosMachinePatch", "PullLatencyProbe" }, d.Resources.Select(x => x.Resource.TypeName));

        var patch = Args(r, Resource(d, "TalosMachinePatch"));
        var mirrors = Assert.IsType<SymDict>(r.Property(patch, "Mirrors"));
        var entry = Assert.Single(mirrors.Entries);
        Assert.Equal("192.168.1.105", r.String(entry.Key));
        var mirror = Assert.IsType<SymObject>(r.Resolve(entry.Value));
        var endpoints = Assert.IsType<SymList>(r.Property(mirror, "Endpoints"));
        Assert.Equal("http://harbor.harbor.svc.cluster.local", r.String(Assert.Single(endpoints.Items)));
        Assert.Equal("[\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"http://harbor.harbor.svc.cluster.local\" } }", entry.Location!.SourceTree!.ToString().Substring(entry.Location.SourceSpan.Start, entry.Location.SourceSpan.Length));

        var config = Assert.IsType<SymDict>(r.Property(patch, "RegistryConfig"));
        Assert.Equal(new[] { "harbor.harbor.svc.cluster.local", "192.168.1.105" }, config.Entries.Select(e => r.String(e.Key)));
        var auth = Assert.IsType<SymObject>(r.Property(Assert.IsType<SymObject>(r.Resolve(config.Entries[0].Value)), "Auth"));
        Assert.Equal("robot$cluster-pull", r.String(r.Property(auth, "Username")));
        Assert.Equal("HARBOR_ROBOT_USERNAME", r.String(r.Property(auth, "UsernameVariable")));
        var password = Assert.IsType<SymObject>(r.Property(auth, "Password"));
        Assert.Equal("Secret.FromOutput", password.TypeName);
        Assert.Equal("HARBOR_ROBOT_PASSWORD", r.String(password.Arguments["variable"]));

        var spegel = Args(r, Resource(d, "SpegelRelease"));
        Assert.Equal(true, ((SymConst)r.Property(spegel, "PrependExisting")).Value);
        Assert.Equal(7, Assert.IsType<SymList>(r.Property(spegel, "MirroredRegistries")).Items.Count);
        Assert.Equal(37_000_000L, ((SymConst)r.Property(Args(r, Resource(d, "PullLatencyProbe")), "ExpectedSizeBytes")).Value);
        Assert.Equal(TimeSpan.FromSeconds(1), ((SymConst)r.Property(Args(r, Resource(d, "PullLatencyProbe")), "Budget")).Value);
    }

    [Fact]
    public async Task Constants_of_every_form_are_known()
    {
        const string members = """
            private const string Lb = "192.168.1.105";
            private const string Scheme = "http";
            private const string Url = Scheme + "://" + Lb;
        """;
        var (d, r) = await CollectAsync("""
                const string ns = "kube-system";
                const string host = $"{Lb}";
                new SpegelRelease("spegel", new SpegelArgs
                {
                    Namespace = ns,
                    MirroredRegistries = { Url, $"{Scheme}://{host}", "https://" + "docker.io", TalosFile.CriCustomizationPath },
                });
            """, members);
        var spegel = Args(r, Resource(d, "SpegelRelease"));
        Assert.Equal("kube-system", r.String(r.Property(spegel, "Namespace")));
        var list = Assert.IsType<SymList>(r.Property(spegel, "MirroredRegistries"));
        Assert.Equal(new[] { "http://192.168.1.105", "http://192.168.1.105", "https://docker.io", "/etc/cri/conf.d/20-customization.part" }, list.Items.Select(r.String));
        Assert.False(list.Open);
    }

    [Fact]
    public async Task Non_constant_values_are_unknown_and_defaults_apply_only_when_unset()
    {
        var (d, r) = await CollectAsync("""
                var path = Environment.GetEnvironmentVariable("P");
                new SpegelRelease("spegel", new SpegelArgs { ContainerdRegistryConfigPath = path, MirroredRegistries = { path! } });
            """);
        var spegel = Args(r, Resource(d, "SpegelRelease"));
        Assert.IsType<SymUnknown>(r.Property(spegel, "ContainerdRegistryConfigPath"));
        Assert.Equal(false, ((SymConst)r.Property(spegel, "PrependExisting")).Value);
        Assert.Null(r.String(Assert.Single(Assert.IsType<SymList>(r.Property(spegel, "MirroredRegistries")).Items)));
    }

    [Fact]
    public async Task Assignments_after_creation_and_statements_on_locals_are_applied()
    {
        var (d, r) = await CollectAsync("""
                var args = new TalosMachinePatchArgs();
                args.TalosVersion = "v1.12";
                args.Nodes.Add("192.168.1.98");
                args.Mirrors["docker.io"] = new TalosMirror();
                args.Mirrors["docker.io"].Endpoints.Add("http://x");
                args.RegistryConfig.Add("h", new TalosRegistryConfig());
                new TalosMachinePatch("p", args);
            """);
        var patch = Args(r, Resource(d, "TalosMachinePatch"));
        Assert.Equal("v1.12", r.String(r.Property(patch, "TalosVersion")));
        Assert.Equal("192.168.1.98", r.String(Assert.Single(Assert.IsType<SymList>(r.Property(patch, "Nodes")).Items)));
        Assert.Equal("docker.io", r.String(Assert.Single(Assert.IsType<SymDict>(r.Property(patch, "Mirrors")).Entries).Key));
        Assert.Equal("h", r.String(Assert.Single(Assert.IsType<SymDict>(r.Property(patch, "RegistryConfig")).Entries).Key));
    }

    [Fact]
    public async Task Conditional_and_escaping_code_makes_values_unknown_and_collections_open()
    {
        var (d, r) = await CollectAsync("""
                var args = new SpegelArgs { PrependExisting = false };
                if (DateTime.Now.Year > 2000) { args.PrependExisting = true; args.MirroredRegistries.Add("https://a"); }
                Configure(args.MirroredRegistries);
                new SpegelRelease("spegel", args);
            """, "static void Configure(List<string> l) { }");
        var spegel = Args(r, Resource(d, "SpegelRelease"));
        Assert.IsType<SymUnknown>(r.Property(spegel, "PrependExisting"));
        Assert.True(Assert.IsType<SymList>(r.Property(spegel, "MirroredRegistries")).Open);
    }

    [Fact]
    public async Task Declarations_spread_over_fields_constructors_and_methods_are_gathered()
    {
        const string members = """
            private readonly HarborRegistry harbor = new HarborRegistry("harbor", new HarborArgs { Tls = false, Namespace = "reg" });
            private RobotAccount? robot;
            private void Robots() { robot = new RobotAccount("pull", new RobotAccountArgs { Registry = harbor, Level = RobotLevel.Project, Project = "lib" }); }
        """;
        var (d, r) = await CollectAsync("""
                Robots();
                new TalosMachinePatch("p", new TalosMachinePatchArgs
                {
                    Mirrors = { ["x"] = new TalosMirror { Endpoints = { harbor.InternalEndpoint } } },
                    RegistryConfig = { [harbor.ServiceHost] = new TalosRegistryConfig { Auth = new() { Username = robot!.FullName } } },
                });
            """, members);
        var patch = Args(r, Resource(d, "TalosMachinePatch"));
        var mirror = (SymObject)r.Resolve(Assert.Single(((SymDict)r.Property(patch, "Mirrors")).Entries).Value);
        Assert.Equal("http://harbor.reg.svc.cluster.local", r.String(Assert.Single(((SymList)r.Property(mirror, "Endpoints")).Items)));
        var entry = Assert.Single(((SymDict)r.Property(patch, "RegistryConfig")).Entries);
        Assert.Equal("harbor.reg.svc.cluster.local", r.String(entry.Key));
        var auth = (SymObject)r.Property((SymObject)r.Resolve(entry.Value), "Auth");
        var username = ((SymProperty)auth.Properties["Username"]).Value;
        var m = Assert.IsType<SymMember>(username);
        var robot = Assert.IsType<SymObject>(r.Resolve(m.Target));
        Assert.Equal("pull", r.String(robot.Arguments["name"]));
        Assert.Equal("lib", r.String(r.Property(Args(r, robot), "Project")));
        Assert.Equal("RobotLevel.Project", ((SymConst)r.Property(Args(r, robot), "Level")).Value!.ToString());
        Assert.Equal("robot$lib+pull", r.String(r.Property(auth, "Username")));
        // Robots() is called from the constructor and followed there: the robot certainly exists.
        Assert.False(d.Resources.Single(x => x.Resource.TypeName == "RobotAccount").Conditional);
    }

    [Fact]
    public async Task A_private_helper_nobody_calls_declares_nothing()
    {
        const string members = """
            private void Unused() { new RobotAccount("pull", new RobotAccountArgs()); }
            public void Extra() { new HarborProject("apps", new HarborProjectArgs()); }
        """;
        var (d, _) = await CollectAsync("""new SpegelRelease("spegel", new SpegelArgs());""", members);
        Assert.DoesNotContain(d.Resources, x => x.Resource.TypeName == "RobotAccount");
        // A public method may be called from outside after construction: its declarations are possible, the stack open.
        Assert.True(d.Resources.Single(x => x.Resource.TypeName == "HarborProject").Conditional);
        Assert.True(d.Open);
    }

    [Fact]
    public async Task Each_stack_class_is_collected_on_its_own()
    {
        var src = TestCompilation.Usings + """
            public sealed class A : Stack { public A() : base("a") { new SpegelRelease("spegel", new SpegelArgs()); } }
            public sealed class B : Stack { public B() : base("b") { new TalosMachinePatch("p", new TalosMachinePatchArgs()); } }
            """;
        var a = await CollectingAnalyzer.RunAsync(src);
        Assert.Equal(new[] { "SpegelRelease" }, a.Stacks["A"].Declarations.Resources.Select(x => x.Resource.TypeName));
        Assert.Equal(new[] { "TalosMachinePatch" }, a.Stacks["B"].Declarations.Resources.Select(x => x.Resource.TypeName));
    }
}
