using System.Text;
using CsCheck;

namespace ClusterRegistry.Analyzers.Tests.Soundness;

/// <summary>
/// A grammar of stack classes over the public API: Harbor, a robot, auth, Spegel (its args built inline, in a local, in a
/// field initialiser or in a field assigned by the constructor), a Talos patch, maybe a probe, external registries and
/// existing Secrets (inline, through a local changed after the resource, or by an unknown method) and maybe an existing
/// admin Secret next to the Harbor's generated one; values drawn from pools of
/// right and wrong ones; and statements that change them afterwards in every form the analyzer must model or give up on
/// (=, +=, ++/--, ??=, deconstruction, ref/out, local functions, lambdas, branches, unknown methods, writes through
/// <c>spegel.Args</c>, collection changes). Lists hold null entries (MirroredRegistries, AdditionalMirrorTargets, the
/// patch's Nodes, host entries and their aliases, Files, CRI customisations, a robot's Permissions, external projects,
/// Secret keys) before and after bad ones, and names may be blank or whitespace (resources, projects, Secret names and
/// namespaces, registries). A stack made only of <see cref="Piece.Exact"/> pieces, with no resource named blank (the model
/// refuses it while the stack is built), is one the analyzer claims to understand completely.
/// </summary>
public static class StackGrammar
{
    /// <summary>A piece of code; <see cref="Exact"/> when the analyzer models it exactly (no branch, escape or unknown write).</summary>
    public sealed record Piece(string Code, bool Exact);

    /// <summary>One generated stack class.</summary>
    public sealed record StackSpec(
        string HarborIp, string ClusterIp, bool Tls, bool HarborInFieldInitialiser,
        string Permission, int Days, string ArgsForm, string Path, bool Prepend, string[] Registries,
        Piece[] Before, Piece[] After, string Endpoint, bool Probe, Piece[] Outside, string HarborExtra, string PatchLists)
    {
        /// <summary>True when every piece is modelled exactly: the analyzer and check must say exactly the same.</summary>
        public bool ConstantOnly => !HarborInFieldInitialiser && !BlankName && Before.All(p => p.Exact) && After.All(p => p.Exact) && Outside.All(p => p.Exact);

        /// <summary>
        /// A resource named blank or whitespace: the model refuses it as the resource is constructed (check exits 2, as
        /// synth does), and the analyzer must report CRG002 on the name.
        /// </summary>
        public bool BlankName => Outside.Any(p => BlankNamePattern.IsMatch(p.Code));

        public string Source(string className)
        {
            var members = new StringBuilder();
            var body = new StringBuilder();
            var localFunctions = new StringBuilder();
            const string harborArgs = "ChartVersion = \"1.17.1\", ServiceSubnet = \"10.43.0.0/16\", AdminPassword = Secret.FromEnvironment(\"HARBOR_ADMIN_PASSWORD\")";
            var harbor = $"new HarborRegistry(\"harbor\", new HarborArgs {{ {harborArgs}, LoadBalancerIP = \"{HarborIp}\", ClusterIP = \"{ClusterIp}\", Tls = {Bool(Tls)}{HarborExtra} }})";
            if (HarborInFieldInitialiser)
            {
                members.AppendLine($"    private readonly HarborRegistry harbor = {harbor};");
            }
            else
            {
                body.AppendLine($"        var harbor = {harbor};");
            }

            members.AppendLine("    private SpegelArgs a;");
            members.AppendLine("    private static void Fix(ref string p) => p = \"/etc/cri/conf.d/hosts\";");
            body.AppendLine($"        var days = {Days};");
            body.AppendLine($"        string path = {Str(Path)};");
            body.AppendLine($"        var prepend = {Bool(Prepend)};");
            foreach (var p in Before)
            {
                if (p.Code.StartsWith("void ", StringComparison.Ordinal))
                {
                    localFunctions.AppendLine("        " + p.Code);
                }
                else
                {
                    body.AppendLine("        " + p.Code);
                }
            }

            var permissions = Permission == "null" ? "null, RobotPermission.Pull(\"library\")" : $"RobotPermission.{Permission}(\"library\")";
            body.AppendLine($"        var robot = new RobotAccount(\"cluster-pull\", new RobotAccountArgs {{ Registry = harbor, Permissions = {{ {permissions} }}, DurationDays = days }});");
            body.AppendLine("        var auth = new TalosRegistryConfig { Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret } };");
            var registries = string.Join(", ", Registries.Select(Str));
            var spegelArgs = $"new SpegelArgs {{ ChartVersion = \"0.7.4\", MirroredRegistries = {{ {registries} }}, PrependExisting = prepend, ContainerdRegistryConfigPath = path }}";
            switch (ArgsForm)
            {
                case "inline":
                    body.AppendLine($"        var spegel = new SpegelRelease(\"spegel\", {spegelArgs});");
                    break;
                case "local":
                    body.AppendLine($"        var a = {spegelArgs};");
                    body.AppendLine("        var spegel = new SpegelRelease(\"spegel\", a);");
                    break;
                default:
                    // A field assigned by the constructor (a field initialiser could not read the locals).
                    body.AppendLine($"        a = {spegelArgs};");
                    body.AppendLine("        var spegel = new SpegelRelease(\"spegel\", a);");
                    break;
            }

            foreach (var p in After)
            {
                body.AppendLine("        " + p.Code.Replace("ARGS", ArgsForm == "inline" ? "spegel.Args" : "a", StringComparison.Ordinal));
            }

            foreach (var p in Outside)
            {
                body.AppendLine("        " + p.Code);
            }

            body.AppendLine($"        new TalosMachinePatch(\"machine-network\", new TalosMachinePatchArgs {{ TalosVersion = \"v1.11\", " +
                $"Mirrors = {{ [\"192.168.1.105\"] = new TalosMirror {{ Endpoints = {{ \"{Endpoint}\" }} }} }}, " +
                "RegistryConfig = { [\"harbor.harbor.svc.cluster.local\"] = auth, [\"192.168.1.105\"] = auth }, " +
                PatchLists + " });");
            if (Probe)
            {
                body.AppendLine($"        new PullLatencyProbe(\"pull-latency\", new PullLatencyProbeArgs {{ Image = \"192.168.1.105/library/myapp:v1\", Budget = TimeSpan.FromSeconds(1), ExpectedSizeBytes = 37_000_000, LinkMegabitsPerSecond = 1000 }});");
            }

            return $$"""
                #nullable disable
                public sealed class {{className}} : Stack
                {
                {{members}}
                    public {{className}}() : base("{{className.ToLowerInvariant()}}")
                    {
                {{body}}
                {{localFunctions}}
                    }
                }

                """;
        }
    }

    /// <summary>Classes every generated project has: a method of another class that changes what it is given, an out parameter.</summary>
    public const string Helpers = """
        public static class Tweaks
        {
            public static void Prepend(SpegelArgs a, bool value) => a.PrependExisting = value;
            public static void Get(out string p) => p = "/etc/cri/conf.d/hosts";
            public static void AddProject(ClusterRegistry.Registries.ExternalRegistryArgs a) => a.Projects.Add(new ClusterRegistry.Registries.ExternalRegistryProject { Name = "" });
            public static void AddKey(ExistingSecretArgs a, string key) => a.Keys.Add(key);
        }

        """;

    private static readonly string[] Paths = { "/etc/cri/conf.d/hosts", "/var/lib/hosts", "/etc/cri/conf.d", "/etc/containerd/certs.d", "etc/cri/conf.d/hosts" };

    // Values synth refuses (the input-validation rules) next to good ones: the analyzer and check must agree on them too.
    private static readonly int[] Ports = { 30020, 30021, 8080, 0, 70000, -1 };
    private static readonly string[] Namespaces = { "kube-system", "spegel", "Kube-System", "spegel_system", "a-very-long-namespace-name-that-goes-on-past-the-sixty-three-limit" };
    private static readonly string[] ChartRepositories = { "oci://ghcr.io/spegel-org/helm-charts/spegel", "https://spegel-org.github.io/spegel", "ghcr.io/spegel-org/helm-charts/spegel", "ftp://charts.example" };
    private static readonly string?[] MirrorTargets = { "https://mirror.lan", "http://192.168.1.105:5000", "http://192.168.1.105/v2", "mirror.lan", "https://user@mirror.lan", null };
    private static readonly string?[] RegistryPool = { "https://docker.io", "http://192.168.1.105", "https://192.168.1.105", "ghcr.io", "not a url", "http://192.168.1.105:5000", "https://harbor/v2/proxy", "_default", "*", null, "", " " };

    private static string Bool(bool b) => b ? "true" : "false";

    /// <summary>A C# string literal, or <c>null</c> (the generated files are <c>#nullable disable</c>).</summary>
    private static string Str(string? s) => s is null ? "null" : "\"" + s + "\"";

    /// <summary>The creation of an ExternalRegistry or ExistingSecret named blank or whitespace.</summary>
    private static readonly System.Text.RegularExpressions.Regex BlankNamePattern = new("(ExternalRegistry|ExistingSecret)\\(\"\\s*\",");

    private static readonly Gen<string> PathGen = Gen.OneOf(Paths);
    private static readonly Gen<bool> BoolGen = Gen.Bool;
    private static readonly Gen<string?> RegistryGen = Gen.OneOf(RegistryPool);

    // The patch's lists, entries drawn from right and wrong ones and null (a null entry is CRG001; the entries after it keep their index).
    private static readonly string?[] NodePool = { "192.168.1.98", "192.168.1.98", "192.168.1.99", "192.168.1.300", null, "" };
    private static readonly string[] HostEntryPool =
    {
        "new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\" } }",
        "new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\" } }",
        "new TalosHostEntry { Ip = \"10.43.216.243/32\", Aliases = { \"harbor.harbor.svc.cluster.local\" } }",
        "new TalosHostEntry { Ip = \"10.43.216.99\", Aliases = { \"harbor.harbor.svc.cluster.local\" } }",
        "new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { null, \"harbor.harbor.svc.cluster.local\", \"harbor_svc!\" } }",
        "new TalosHostEntry { Ip = \"10.43.216.243\" }",
        "null",
    };

    private static readonly string[] FilePool =
    {
        "new TalosFile { Path = \"/etc/motd\", Content = \"hello\" }",
        "new TalosFile { Path = \"etc/motd\", Content = \"hello\" }",
        "new TalosFile { Path = \"/var/etc/motd\", Content = \"hello\" }",
        "null",
    };

    private static readonly string[] CriPool =
    {
        "TalosCriCustomization.SpegelKeepUnpackedLayers()",
        "TalosCriCustomization.SpegelKeepUnpackedLayers()",
        "new TalosCriCustomization { Name = \"customization\", Content = \"\" }",
        "new TalosCriCustomization { Name = \" \", Content = \"\" }",
        "null",
    };

    private static readonly Gen<string> PatchListsGen = Gen.Select(
        Gen.OneOf(NodePool).Array[1, 3], Gen.OneOf(HostEntryPool).Array[1, 3], Gen.OneOf(FilePool).Array[0, 3], Gen.OneOf(CriPool).Array[1, 3],
        (nodes, hosts, files, cris) =>
            $"Nodes = {{ {string.Join(", ", nodes.Select(Str))} }}, ExtraHostEntries = {{ {string.Join(", ", hosts)} }}, " +
            (files.Length > 0 ? $"Files = {{ {string.Join(", ", files)} }}, " : "") +
            $"CriCustomizations = {{ {string.Join(", ", cris)} }}");

    /// <summary>Statements before Spegel is created: they change the locals its args read.</summary>
    private static readonly Gen<Piece> BeforeStatement = Gen.Frequency(
        (3, PathGen.Select(p => new Piece($"path = {Str(p)};", true))),
        (2, Gen.Const(new Piece("path += \"/hosts\";", true))),
        (2, PathGen.Select(p => new Piece($"path ??= {Str(p)};", true))),
        (2, Gen.Select(PathGen, BoolGen, (p, b) => new Piece($"(path, prepend) = ({Str(p)}, {Bool(b)});", true))),
        (2, BoolGen.Select(b => new Piece($"prepend = {Bool(b)};", true))),
        (2, Gen.Const(new Piece("days++;", true))),
        (2, Gen.Const(new Piece("days--;", true))),
        (1, Gen.Int[-3, 3].Select(n => new Piece($"days += {n};", true))),
        (1, Gen.Const(new Piece("path = null;", true))),
        (1, Gen.Const(new Piece("Fix(ref path);", false))),
        (1, Gen.Const(new Piece("Tweaks.Get(out path);", false))),
        (1, PathGen.Select(p => new Piece($"Action setPath = () => path = {Str(p)}; setPath();", false))),
        (1, BoolGen.Select(b => new Piece($"void SetPrepend() {{ prepend = {Bool(b)}; }}", false))),
        (1, Gen.Const(new Piece("SetPrepend();", false))),
        (1, Gen.Select(PathGen, BoolGen, (p, c) => new Piece($"if (Environment.ProcessorCount {(c ? ">" : "<")} 0) {{ path = {Str(p)}; }}", false))),
        (1, BoolGen.Select(b => new Piece($"prepend = !{Bool(b)};", false))));

    /// <summary>Statements after Spegel is created: they change its args (ARGS: the field/local, or spegel.Args).</summary>
    private static readonly Gen<Piece> AfterStatement = Gen.Frequency(
        (3, BoolGen.Select(b => new Piece($"ARGS.PrependExisting = {Bool(b)};", true))),
        (2, PathGen.Select(p => new Piece($"ARGS.ContainerdRegistryConfigPath = {Str(p)};", true))),
        (3, RegistryGen.Select(r => new Piece($"ARGS.MirroredRegistries.Add({Str(r)});", true))),
        (1, RegistryGen.Select(r => new Piece($"ARGS.MirroredRegistries.Remove({Str(r)});", false))),
        (1, Gen.Const(new Piece("ARGS.MirroredRegistries.Clear();", false))),
        (1, BoolGen.Select(b => new Piece($"Tweaks.Prepend(ARGS, {Bool(b)});", false))),
        (1, BoolGen.Select(b => new Piece($"var all = new List<SpegelArgs> {{ ARGS }}; all[0].PrependExisting = {Bool(b)};", false))),
        (1, BoolGen.Select(b => new Piece($"Action flip = () => ARGS.PrependExisting = {Bool(b)}; flip();", false))),
        (1, Gen.Select(BoolGen, BoolGen, (b, c) => new Piece($"if (Environment.ProcessorCount {(c ? ">" : "<")} 0) {{ ARGS.PrependExisting = {Bool(b)}; }}", false))),
        (2, Gen.OneOf(Ports).Select(p => new Piece($"ARGS.RegistryHostPort = {p};", true))),
        (1, Gen.OneOf(Ports).Select(p => new Piece($"ARGS.RegistryNodePort = {p};", true))),
        // A compound write to a property still at its default is not modelled (the object's later reads become unknown):
        // after an explicit write it is.
        (1, Gen.OneOf(Ports).Select(p => new Piece($"ARGS.RegistryHostPort += {p};", false))),
        (1, Gen.OneOf(Ports).Select(p => new Piece($"ARGS.RegistryNodePort = 30021; ARGS.RegistryNodePort += {p};", true))),
        (2, Gen.OneOf(Namespaces).Select(n => new Piece($"ARGS.Namespace = {Str(n)};", true))),
        (1, Gen.OneOf(ChartRepositories).Select(r => new Piece($"ARGS.ChartRepository = {Str(r)};", true))),
        (2, Gen.OneOf(MirrorTargets).Select(t => new Piece($"ARGS.AdditionalMirrorTargets.Add({Str(t)});", true))),
        (1, Gen.OneOf(Ports).Select(p => new Piece($"ARGS.RegistryNodePort = Environment.ProcessorCount > 0 ? {p} : 30021;", false))));

    // Resources that describe things managed outside the stack, with right and wrong values (CRG001/CRG002 since issue 11).
    private const string Registries = "ClusterRegistry.Registries.";
    private static readonly string[] ExternalNames = { "harbor-vm", "harbor vm", "../vm", "harbor-vm", "harbor-vm", "" };
    private static readonly string[] ExternalUrls = { "https://harbor.example.com", "http://harbor.example.com:8080", "https://harbor.example.com/v2" };
    private static readonly string[] ExternalKinds = { "Harbor", "Harbor", "Zot", "Cloud", "(" + Registries + "ExternalRegistryKind)9" };
    private static readonly string[] ExternalProjects =
    {
        "new " + Registries + "ExternalRegistryProject { Name = \"library\" }",
        "new " + Registries + "ExternalRegistryProject { Name = \"library\", Public = true }",
        "new " + Registries + "ExternalRegistryProject { Name = \"\" }",
        "new " + Registries + "ExternalRegistryProject { Name = \" \" }",
        "new " + Registries + "ExternalRegistryProject { Name = \"my lib\" }",
        "new " + Registries + "ExternalRegistryProject { Name = \"quay\", ProxyCacheUpstream = \"quay.io\" }",
        "new " + Registries + "ExternalRegistryProject { Name = \"quay\", ProxyCacheUpstream = \"https://quay.io\" }",
        "null",
    };

    private static readonly string[] SecretNames = { "harbor-secret", "harbor-admin", "harbor secret", "harbor-secret", "harbor-secret", " " };
    private static readonly string[] SecretNamespaces = { "harbor", "harbor", "security", "Harbor", " " };
    private static readonly string[] SecretNameArgs = { "", "SecretName = \"harbor-admin\", ", "SecretName = \"harbor_secret\", ", "SecretName = \"harbor-secret\", ", "SecretName = null, ", "SecretName = \" \", ", "SecretName = \"\", " };
    private static readonly string?[] SecretKeys = { "password", "HARBOR_ADMIN_PASSWORD", "password", null, " " };

    private static string Kind(string k) => k.StartsWith("(", StringComparison.Ordinal) ? k : Registries + "ExternalRegistryKind." + k;

    /// <summary>An ExternalRegistry or ExistingSecret, built inline, through a local changed before or after the resource, or by an unknown method.</summary>
    private static readonly Gen<Piece> OutsideStatement = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf(ExternalNames), Gen.OneOf(ExternalUrls), Gen.OneOf(ExternalKinds), Gen.OneOf(ExternalProjects).Array[0, 3],
            (n, u, k, ps) => new Piece($"new {Registries}ExternalRegistry({Str(n)}, new {Registries}ExternalRegistryArgs {{ Url = {Str(u)}, Kind = {Kind(k)}, Projects = {{ {string.Join(", ", ps)} }} }});", true))),
        (1, Gen.Select(Gen.OneOf(ExternalNames), Gen.OneOf(ExternalKinds), Gen.OneOf(ExternalProjects),
            (n, k, p) => new Piece($"var er = new {Registries}ExternalRegistryArgs {{ Url = \"https://harbor.example.com\" }}; new {Registries}ExternalRegistry({Str(n)}, er); er.Kind = {Kind(k)}; er.Projects.Add({p});", true))),
        (1, Gen.OneOf(ExternalNames).Select(n => new Piece($"var eu = new {Registries}ExternalRegistryArgs {{ Url = \"https://harbor.example.com\" }}; Tweaks.AddProject(eu); new {Registries}ExternalRegistry({Str(n)}, eu);", false))),
        (3, Gen.Select(Gen.OneOf(SecretNames), Gen.OneOf(SecretNamespaces), Gen.OneOf(SecretNameArgs), Gen.OneOf(SecretKeys).Array[0, 3],
            (n, ns, sn, ks) => new Piece($"new ExistingSecret({Str(n)}, new ExistingSecretArgs {{ Namespace = {Str(ns)}, {sn}Keys = {{ {string.Join(", ", ks.Select(Str))} }} }});", true))),
        (1, Gen.Select(Gen.OneOf(SecretNames), Gen.OneOf(SecretNamespaces), Gen.OneOf(SecretKeys),
            (n, ns, k) => new Piece($"var es = new ExistingSecretArgs {{ Namespace = \"harbor\", Keys = {{ \"password\" }} }}; new ExistingSecret({Str(n)}, es); es.Namespace = {Str(ns)}; es.Keys.Add({Str(k)});", true))),
        (1, Gen.Select(Gen.OneOf(SecretNames), Gen.OneOf(SecretKeys),
            (n, k) => new Piece($"var ek = new ExistingSecretArgs {{ Namespace = \"harbor\", Keys = {{ \"password\" }} }}; Tweaks.AddKey(ek, {Str(k)}); new ExistingSecret({Str(n)}, ek);", false))));

    /// <summary>What the Harbor's args may add: an existing admin Secret next to its generated AdminPassword (CRG001).</summary>
    private static readonly string[] HarborExtras =
    {
        "", "", ", ExistingAdminPasswordSecret = \"harbor-secret\"", ", ExistingAdminPasswordSecret = null", ", ExistingAdminPasswordSecret = \" \"",
        // Flux post-renderers: an image replacement (fine), and a JSON 6902 patch without a target (CRG001 in both).
        ", PostRenderers = { new ClusterRegistry.Charts.HelmPostRenderer { Images = { new ClusterRegistry.Charts.KustomizeImage { Name = \"goharbor/harbor-core\", NewTag = \"v2.13.1\" } } } }",
        ", PostRenderers = { new ClusterRegistry.Charts.HelmPostRenderer { Patches = { new ClusterRegistry.Charts.KustomizePatch { Patch = \"- op: remove\\n  path: /spec/replicas\\n\" } } } }",
    };

    public static readonly Gen<StackSpec> Stack =
        Gen.Select(
            Gen.Select(Gen.OneOf("192.168.1.105", "192.168.1.300"), Gen.OneOf("10.43.216.243", "10.44.0.1"), BoolGen, Gen.Int[0, 19].Select(n => n == 0)),
            Gen.Select(Gen.OneOf("Pull", "Push", "Pull", "null"), Gen.OneOf(-2, -1, 0, 30), Gen.OneOf("inline", "local", "field"), PathGen, BoolGen),
            Gen.Select(RegistryGen.Array[0, 3], BeforeStatement.Array[0, 4], AfterStatement.Array[0, 4]),
            Gen.Select(Gen.OneOf("http://harbor.harbor.svc.cluster.local", "https://harbor.harbor.svc.cluster.local"), BoolGen),
            Gen.Select(OutsideStatement.Array[0, 3], Gen.OneOf(HarborExtras), PatchListsGen),
            (h, s, st, t, o) => Fix(new StackSpec(h.Item1, h.Item2, h.Item3, h.Item4, s.Item1, s.Item2, s.Item3, s.Item4, s.Item5, st.Item1, st.Item2, st.Item3, t.Item1, t.Item2, o.Item1, o.Item2, o.Item3)));

    /// <summary>The kind and name a piece creates, and each local it declares: two pieces with one key do not both fit in a stack.</summary>
    private static string[] OutsideKeys(string code)
    {
        var kind = code.Contains("ExternalRegistry(", StringComparison.Ordinal) ? "external" : "secret";
        var start = code.IndexOf(kind == "external" ? "ExternalRegistry(\"" : "ExistingSecret(\"", StringComparison.Ordinal);
        var name = code.Substring(start).Split('"')[1];
        return code.StartsWith("var ", StringComparison.Ordinal) ? [kind + "/" + name, "local/" + code.Split(' ')[1]] : [kind + "/" + name];
    }

    /// <summary>A local function declared with no call, or a call with no declaration, does not compile: keep them paired.</summary>
    private static StackSpec Fix(StackSpec spec)
    {
        var declares = spec.Before.Any(p => p.Code.StartsWith("void SetPrepend", StringComparison.Ordinal));
        var calls = spec.Before.Any(p => p.Code == "SetPrepend();");
        var before = spec.Before.Where(p => !p.Code.StartsWith("void SetPrepend", StringComparison.Ordinal) || !declares || calls).ToList();
        if (calls && !declares)
        {
            before.Add(new Piece("void SetPrepend() { prepend = true; }", false));
        }

        // Only the first declaration of a local function or a local counts; later ones would not compile.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        before = before.Where(p => !(p.Code.StartsWith("void ", StringComparison.Ordinal) || p.Code.StartsWith("Action ", StringComparison.Ordinal)) || seen.Add(p.Code.Split('(')[0].Split('=')[0])).ToList();
        var after = new List<Piece>();
        var afterSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in spec.After)
        {
            if ((p.Code.StartsWith("var all", StringComparison.Ordinal) || p.Code.StartsWith("Action flip", StringComparison.Ordinal)) && !afterSeen.Add(p.Code.Substring(0, 8)))
            {
                continue;
            }

            after.Add(p);
        }

        // One resource per kind and name (the model refuses a second one while the stack is built), one declaration per local.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var outside = new List<Piece>();
        foreach (var p in spec.Outside)
        {
            var keys = OutsideKeys(p.Code);
            if (keys.All(k => !taken.Contains(k)))
            {
                taken.UnionWith(keys);
                outside.Add(p);
            }
        }

        return spec with { Before = before.ToArray(), After = after.ToArray(), Outside = outside.ToArray() };
    }
}
