using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.CodeFixes;

/// <summary>
/// Every code fix, before and after, on Microsoft.CodeAnalysis.Testing (<see cref="StackFixTest"/>): the single fix for
/// one diagnostic (the harness also runs every Fix All scope on it), then Fix All in document scope over two stack
/// classes in one file, in project scope over two files, and in solution scope over two projects, each required to fix
/// everything in one application. After a fix, the fixed code compiles and the diagnostic it fixed is gone.
/// </summary>
public class CodeFixTests
{
    public sealed record FixCase(string Name, CodeFixProvider Provider, string Before, string After, string Members = "")
    {
        public string Id => Provider.FixableDiagnosticIds.Single();

        public string Key => Id + " " + Name;

        public string One(string body) => TestCompilation.Usings + Class("S", body);

        public string Two(string body) => TestCompilation.Usings + Class("S1", body) + "\n" + Class("S2", body);

        public string Named(string name, string body) => TestCompilation.Usings + Class(name, body);

        private string Class(string name, string body) =>
            $"public sealed class {name} : Stack\n{{\n{Members}\n    public {name}() : base(\"{name.ToLowerInvariant()}\")\n    {{\n{body}\n    }}\n}}\n";
    }

    private const string Svc = "\"http://harbor.harbor.svc.cluster.local\"";

    public static readonly FixCase[] Cases =
    {
        new("add the Talos-mirrored registries to an empty list", new Crg101AddMirroredRegistries(),
            Stack(spegel: SpegelWith(registries: "MirroredRegistries = { }")),
            Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"http://192.168.1.105\" }"))),
        new("set PrependExisting = true", new Crg102SetPrependExisting(),
            Stack(spegel: SpegelWith(prepend: "PrependExisting = false")),
            Stack(spegel: SpegelWith(prepend: "PrependExisting = true"))),
        new("add the missing registry", new Crg103AddMirroredRegistry(),
            Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\" }")),
            Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", \"http://192.168.1.105\" }"))),
        new("correct the scheme", new Crg104CorrectRegistryScheme(),
            Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", \"https://192.168.1.105\" }")),
            Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", \"http://192.168.1.105\" }"))),
        new("replace the path", new Crg105SetRegistryConfigPath(),
            Stack(spegel: SpegelWith(path: "ContainerdRegistryConfigPath = \"/etc/containerd/certs.d\"")),
            Stack(spegel: SpegelWith(path: "ContainerdRegistryConfigPath = \"/etc/cri/conf.d/hosts\""))),
        new("add the path", new Crg105SetRegistryConfigPath(),
            Stack(spegel: """
                new SpegelRelease("spegel", new SpegelArgs
                {
                    MirroredRegistries = { "http://192.168.1.105" },
                    PrependExisting = true,
                });
        """),
            // Added as the last element, one per line and with a trailing comma, like the elements already there.
            Stack(spegel: """
                new SpegelRelease("spegel", new SpegelArgs
                {
                    MirroredRegistries = { "http://192.168.1.105" },
                    PrependExisting = true,
                    ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
                });
        """)),
        new("add the path to an inline initializer", new Crg105SetRegistryConfigPath(),
            Stack(spegel: """new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "http://192.168.1.105" }, PrependExisting = true });"""),
            Stack(spegel: """new SpegelRelease("spegel", new SpegelArgs { MirroredRegistries = { "http://192.168.1.105" }, PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" });""")),
        new("add an initializer", new Crg105SetRegistryConfigPath(),
            Stack(spegel: """
                var spegelArgs = new SpegelArgs();
                spegelArgs.MirroredRegistries.Add("http://192.168.1.105");
                spegelArgs.PrependExisting = true;
                new SpegelRelease("spegel", spegelArgs);
        """),
            Stack(spegel: """
                var spegelArgs = new SpegelArgs() { ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" };
                spegelArgs.MirroredRegistries.Add("http://192.168.1.105");
                spegelArgs.PrependExisting = true;
                new SpegelRelease("spegel", spegelArgs);
        """)),
        new("add the customisation when CriCustomizations is not set", new Crg106AddKeepUnpackedLayers(),
            Stack(patch: PatchWith(cri: "")),
            Stack(patch: PatchWith(cri: "CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() }"))),
        new("add the customisation to an empty list", new Crg106AddKeepUnpackedLayers(),
            Stack(patch: PatchWith(cri: "CriCustomizations = { }")),
            Stack(patch: PatchWith(cri: "CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() }"))),
        new("add the label", new Crg109AddPrivilegedLabel(),
            Stack(spegel: SpegelWith(more: "Namespace = \"spegel\", NamespaceLabels = { [\"team\"] = \"platform\" },")),
            Stack(spegel: SpegelWith(more: "Namespace = \"spegel\", NamespaceLabels = { [\"team\"] = \"platform\", [\"pod-security.kubernetes.io/enforce\"] = \"privileged\" },"))),
        new("add the scheme", new Crg110CorrectMirroredRegistry(),
            Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"docker.io\", \"http://192.168.1.105\" }")),
            Stack(spegel: SpegelWith(registries: "MirroredRegistries = { \"https://docker.io\", \"http://192.168.1.105\" }"))),
        new("add the host entry", new Crg201AddHostEntry(),
            Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { }")),
            Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\" } } }"))),
        new("replace the IP", new Crg202ReplaceHostEntryIp(),
            Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { new TalosHostEntry { Ip = \"10.43.216.250\", Aliases = { \"harbor.harbor.svc.cluster.local\" } } }")),
            Stack(patch: PatchWith(hostEntries: "ExtraHostEntries = { new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\" } } }"))),
        new("pin the ClusterIP", new Crg203PinClusterIp(),
            Stack(harbor: HarborWith(more: "PinClusterIP = false,")),
            Stack(harbor: HarborWith(more: "PinClusterIP = true,"))),
        new("add auth from the pull robot", new Crg204AddRobotAuth(),
            Stack(patch: PatchWith(registryConfig: "RegistryConfig = { [\"192.168.1.105\"] = auth }")),
            Stack(patch: PatchWith(registryConfig: "RegistryConfig = { [\"192.168.1.105\"] = auth, [\"harbor.harbor.svc.cluster.local\"] = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret } } }"))),
        new("key the auth on the endpoint host", new Crg205MoveAuthKey(),
            Stack(patch: PatchWith(registryConfig: "RegistryConfig = { [\"192.168.1.105\"] = auth }")),
            Stack(patch: PatchWith(registryConfig: "RegistryConfig = { [\"harbor.harbor.svc.cluster.local\"] = auth }"))),
        new("strip the scheme from the mirror key", new Crg206StripMirrorKey(),
            Stack(patch: PatchWith(mirrors: $"Mirrors = {{ [\"http://192.168.1.105\"] = new TalosMirror {{ Endpoints = {{ {Svc} }} }} }}")),
            Stack(patch: PatchWith(mirrors: $"Mirrors = {{ [\"192.168.1.105\"] = new TalosMirror {{ Endpoints = {{ {Svc} }} }} }}"))),
        new("correct the endpoint scheme", new Crg207CorrectEndpointScheme(),
            Stack(patch: PatchWith(mirrors: "Mirrors = { [\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"https://harbor.harbor.svc.cluster.local\" } } }")),
            Stack(patch: PatchWith(mirrors: $"Mirrors = {{ [\"192.168.1.105\"] = new TalosMirror {{ Endpoints = {{ {Svc} }} }} }}"))),
        new("use the robot's FullName", new Crg208UseRobotFullName(),
            Stack(auth: "var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = \"cluster-pull\", Password = robot.Secret } };"),
            Stack(auth: "var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, Password = robot.Secret } };")),
        new("read the secret from the environment", new Crg209UseEnvironmentSecret(),
            Stack(auth: "var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, Password = Secret.FromPlaintextUnsafe(\"HARBOR_ROBOT_PASSWORD\", \"hunter2\") } };"),
            Stack(auth: "var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, Password = Secret.FromEnvironment(\"HARBOR_ROBOT_PASSWORD\") } };")),
        new("never expire", new Crg302SetDurationNever(),
            Stack(robot: "var robot = new RobotAccount(\"cluster-pull\", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull(\"library\") }, DurationDays = 0 });"),
            Stack(robot: "var robot = new RobotAccount(\"cluster-pull\", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull(\"library\") }, DurationDays = -1 });")),
    };

    public static TheoryData<string> Keys
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Cases)
            {
                data.Add(c.Key);
            }

            return data;
        }
    }

    private static FixCase Find(string key) => Cases.Single(c => c.Key == key);

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Fix(string key)
    {
        var c = Find(key);
        var test = await StackFixTest.CreateAsync(c.Provider, [(c.One(c.Before), c.One(c.After))]);
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Fix_all_in_document(string key)
    {
        var c = Find(key);
        var test = await StackFixTest.CreateAsync(c.Provider, [(c.Two(c.Before), c.Two(c.After))]);
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllInDocumentIterations = 1;
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Fix_all_in_project(string key)
    {
        var c = Find(key);
        var test = await StackFixTest.CreateAsync(c.Provider, [(c.Named("S1", c.Before), c.Named("S1", c.After)), (c.Named("S2", c.Before), c.Named("S2", c.After))]);
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllInProjectIterations = 1;
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Fix_all_in_solution(string key)
    {
        var c = Find(key);
        var test = await StackFixTest.CreateAsync(c.Provider, [(c.Named("S1", c.Before), c.Named("S1", c.After))], secondProject: [(c.Named("S2", c.Before), c.Named("S2", c.After))]);
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck;
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public void Every_fix_provider_has_a_case()
    {
        var providers = typeof(Crg101AddMirroredRegistries).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(18, providers.Count);
        Assert.Equal(providers, Cases.Select(c => c.Provider.GetType().Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
    }
}
