using ClusterRegistry.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Soundness;

/// <summary>
/// Writes the interpreter must model exactly or turn unknown: each stack below changes a value after it was first
/// written (through a field, a resource's Args, a compound operator, a ref/out argument, a captured local, an unknown
/// method), so that the last value is correct. <c>check</c>, which builds the stack for real, judges it; the analyzer
/// may say less than <c>check</c>, never more and never something else. A stack <c>check</c> refuses (exit 2) must be
/// flagged by the analyzer too.
/// </summary>
public class SoundnessTests
{
    private const string SpegelArgsOk = """ChartVersion = "0.7.4", MirroredRegistries = { "https://docker.io", "http://192.168.1.105" }, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" """;

    private static string PathSpegel(string path) => SpegelWith(path: "ContainerdRegistryConfigPath = " + path);

    private static string File(string body, string members = "") =>
        TestCompilation.Usings + "public sealed class S : Stack\n{\n" + members + "\n    public S() : base(\"s\")\n    {\n" + body + "\n    }\n}\n";

    /// <summary>Name → stack source. Each would be a false alarm (or a missed refusal) if the write were ignored.</summary>
    public static readonly IReadOnlyDictionary<string, string> Stacks = new Dictionary<string, string>
    {
        ["args in a field, property set later"] = File(
            Stack(spegel: "spegelArgs.PrependExisting = true;\nnew SpegelRelease(\"spegel\", spegelArgs);"),
            "private readonly SpegelArgs spegelArgs = new SpegelArgs { " + SpegelArgsOk + ", PrependExisting = false };"),
        ["args in a field, collection added to later"] = File(
            Stack(spegel: "spegelArgs.MirroredRegistries.Add(\"http://192.168.1.105\");\nnew SpegelRelease(\"spegel\", spegelArgs);"),
            "private readonly SpegelArgs spegelArgs = new SpegelArgs { ChartVersion = \"0.7.4\", PrependExisting = true, ContainerdRegistryConfigPath = \"/etc/cri/conf.d/hosts\" };"),
        ["args in a field assigned in the constructor, set later through an alias"] = File(
            Stack(spegel: "spegelArgs = new SpegelArgs { " + SpegelArgsOk + ", PrependExisting = false };\nvar a = spegelArgs;\na.PrependExisting = true;\nnew SpegelRelease(\"spegel\", spegelArgs);"),
            "private SpegelArgs spegelArgs;"),
        ["write through a resource's Args after construction"] = File(
            Stack(spegel: "var spegel = new SpegelRelease(\"spegel\", new SpegelArgs { " + SpegelArgsOk + ", PrependExisting = false });\nspegel.Args.PrependExisting = true;")),
        ["collection changed through a resource's Args after construction"] = File(
            Stack(spegel: "var spegel = new SpegelRelease(\"spegel\", new SpegelArgs { ChartVersion = \"0.7.4\", PrependExisting = true, ContainerdRegistryConfigPath = \"/etc/cri/conf.d/hosts\" });\nspegel.Args.MirroredRegistries.Add(\"http://192.168.1.105\");")),
        ["compound assignment"] = File("var path = \"/etc/cri/conf.d\";\npath += \"/hosts\";\n" + Stack(spegel: PathSpegel("path"))),
        ["increment"] = File("var days = -2;\ndays++;\n" + Stack(robot: RobotWithDays("days"))),
        ["decrement"] = File("var days = 0;\ndays--;\n" + Stack(robot: RobotWithDays("days"))),
        ["null-coalescing assignment"] = File("string? path = null;\npath ??= \"/etc/cri/conf.d/hosts\";\n" + Stack(spegel: PathSpegel("path"))),
        ["deconstruction"] = File(
            "var path = \"/var/lib/hosts\";\nvar prepend = false;\n(path, prepend) = (\"/etc/cri/conf.d/hosts\", true);\n" +
            Stack(spegel: SpegelWith(path: "ContainerdRegistryConfigPath = path", prepend: "PrependExisting = prepend"))),
        ["ref argument"] = File(
            "var path = \"/var/lib/hosts\";\nFix(ref path);\n" + Stack(spegel: PathSpegel("path")),
            "private static void Fix(ref string p) => p = \"/etc/cri/conf.d/hosts\";"),
        ["out argument"] = File(
            "var path = \"/var/lib/hosts\";\nPaths.Get(out path);\n" + Stack(spegel: PathSpegel("path")),
            "private static class Paths { public static void Get(out string p) => p = \"/etc/cri/conf.d/hosts\"; }"),
        ["local function assigning a captured local, called before the use, declared after"] = File(
            "var path = \"/var/lib/hosts\";\nSetPath();\n" + Stack(spegel: PathSpegel("path")) + "\nvoid SetPath() { path = \"/etc/cri/conf.d/hosts\"; }"),
        ["lambda assigning a captured local, called after a later write"] = File(
            "var path = \"/var/lib/hosts\";\nAction fix = () => path = \"/etc/cri/conf.d/hosts\";\npath = \"/var/lib/other\";\nfix();\n" + Stack(spegel: PathSpegel("path"))),
        ["lambda changing a captured args object, called after a later write"] = File(
            Stack(spegel: "var args = new SpegelArgs { " + SpegelArgsOk + ", PrependExisting = true };\nAction fix = () => args.PrependExisting = true;\nargs.PrependExisting = false;\nfix();\nnew SpegelRelease(\"spegel\", args);")),
        ["args passed to a method of another class"] = File(
            Stack(spegel: "var args = new SpegelArgs { " + SpegelArgsOk + ", PrependExisting = false };\nTweaks.Prepend(args);\nnew SpegelRelease(\"spegel\", args);"),
            "private static class Tweaks { public static void Prepend(SpegelArgs a) => a.PrependExisting = true; }"),
        ["args stored in a list and changed through it"] = File(
            Stack(spegel: "var args = new SpegelArgs { " + SpegelArgsOk + ", PrependExisting = false };\nvar all = new List<SpegelArgs> { args };\nall[0].PrependExisting = true;\nnew SpegelRelease(\"spegel\", args);")),
        ["list element removed"] = File(
            Stack(spegel: "var args = new SpegelArgs { " + SpegelArgsOk + ", PrependExisting = true };\nargs.MirroredRegistries.Add(\"not a url\");\nargs.MirroredRegistries.Remove(\"not a url\");\nnew SpegelRelease(\"spegel\", args);")),
        ["args in a field changed on a branch that does not run"] = File(
            Stack(spegel: "if (Environment.ProcessorCount > 0) { spegelArgs = new SpegelArgs { " + SpegelArgsOk + ", PrependExisting = true }; }\nif (Environment.ProcessorCount < 0) { spegelArgs.PrependExisting = false; }\nnew SpegelRelease(\"spegel\", spegelArgs);"),
            "private SpegelArgs spegelArgs = null!;"),
        ["local changed in a loop after its use in the loop"] = File(
            "var prepend = false;\nfor (var i = 0; i < 1; i++) { prepend = true; }\n" + Stack(spegel: SpegelWith(prepend: "PrependExisting = prepend"))),
    };

    public static TheoryData<string> Names() => new(Stacks.Keys);

    private static string RobotWithDays(string days) => $$"""
                var robot = new RobotAccount("cluster-pull", new RobotAccountArgs
                {
                    Registry = harbor,
                    Permissions = { RobotPermission.Pull("library") },
                    DurationDays = {{days}},
                });
        """;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Analyzer_says_nothing_check_does_not(string name)
    {
        var (verdict, analyzer) = await JudgeBothAsync(Stacks[name]);
        Assert.True(verdict.Refusal is null, name + ": check refuses the stack: " + verdict.Refusal);
        var extra = analyzer.Except(verdict.Findings).ToList();
        Assert.True(
            extra.Count == 0,
            $"{name}: the analyzer reports what check does not:\n  {string.Join("\n  ", extra)}\ncheck:\n  {string.Join("\n  ", verdict.Findings)}");
    }

    [Fact]
    public async Task Resource_created_in_a_field_initialiser_is_refused_by_check_and_flagged_by_the_analyzer()
    {
        var source = File(
            Stack(harbor: ""),
            "private readonly HarborRegistry harbor = new HarborRegistry(\"harbor\", new HarborArgs { ChartVersion = \"1.17.1\", LoadBalancerIP = \"192.168.1.105\", ClusterIP = \"10.43.216.243\", ServiceSubnet = \"10.43.0.0/16\", ExternalUrl = \"http://192.168.1.105\", Tls = false, AdminPassword = Secret.FromEnvironment(\"HARBOR_ADMIN_PASSWORD\") });");
        var compilation = TestCompilation.Create(source);
        var verdict = CheckRunner.Judge(compilation, "S");
        Assert.NotNull(verdict.Refusal);
        Assert.Contains("inside the constructor", verdict.Refusal);
        var diags = await AnalyzeAsync(compilation);
        var d = Assert.Single(diags, x => x.Id == "CRG002");
        Assert.StartsWith("new HarborRegistry", Markup.Show(compilation.SyntaxTrees.First().ToString(), d.Location.SourceSpan));
        Assert.Contains("constructor", d.GetMessage());
    }

    private static async Task<(CheckVerdict Verdict, IReadOnlyList<CheckFinding> Analyzer)> JudgeBothAsync(string source)
    {
        var compilation = TestCompilation.Create(source);
        var verdict = CheckRunner.Judge(compilation, "S");
        var diags = await AnalyzeAsync(compilation);
        return (verdict, diags.Select(CheckFinding.Of).Distinct().ToList());
    }

    internal static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "does not compile:\n" + string.Join("\n", errors));
        var before = StackAnalyzer.InternalErrors;
        var diags = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diags, d => d.Id == "AD0001");
        Assert.True(StackAnalyzer.InternalErrors == before, StackAnalyzer.LastInternalError?.ToString());
        return diags;
    }
}
