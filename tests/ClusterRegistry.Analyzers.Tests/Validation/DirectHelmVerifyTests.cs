using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Cli;
using Microsoft.CodeAnalysis;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Validation;

/// <summary>
/// An OCI chart's signature check (<c>ChartSource.Verify</c>, cosign or notation) is something only Flux's OCIRepository
/// does (<c>spec.verify</c>, source.toolkit.fluxcd.io/v1); Helm installs an OCI chart without checking a signature. A
/// release delivered as a direct Helm release (<c>Delivery = ReleaseDelivery.Helm</c>) with <c>Verify</c> set is therefore
/// refused by the Pulumi program's emitter, and this test follows the same stack source through every front end:
/// <c>compile</c> (the Pulumi program) exits 2 with one line naming the resource, the property and the value, and writes
/// nothing; <c>synth</c> renders the GitOps tree, where Flux does verify, so it keeps the verification; and the analyzer on
/// the same source may say less than the compiler (it has no rule for the delivery), never something different.
/// </summary>
public class DirectHelmVerifyTests
{
    public sealed record Case(string Name, string Resource, string Value, string Body)
    {
        public override string ToString() => Name;
    }

    private const string HarborSource = """
        ChartSource = new ClusterRegistry.Charts.OciChartSource
                    {
                        Url = "oci://registry-1.docker.io/goharbor/harbor-helm",
                        Tag = "1.17.1",
                        Verify = new ClusterRegistry.Charts.ChartVerification { SecretName = "cosign-public-keys" },
                    },
                    Delivery = ReleaseDelivery.Helm,
        """;

    private const string SpegelSource = """
        ChartSource = new ClusterRegistry.Charts.OciChartSource
                    {
                        Url = "oci://ghcr.io/spegel-org/helm-charts/spegel",
                        Tag = "0.7.4",
                        Verify = new ClusterRegistry.Charts.ChartVerification { Provider = ClusterRegistry.Charts.ChartVerificationProvider.Notation, SecretName = "notation-config" },
                    },
                    Delivery = ReleaseDelivery.Helm,
        """;

    public static readonly Case[] Cases =
    {
        new("harbor cosign", "HarborRegistry 'harbor'", "cosign", Stack(harbor: HarborWith(chart: "", more: HarborSource))),
        new("spegel notation", "SpegelRelease 'spegel'", "notation", Stack(spegel: SpegelWith(more: SpegelSource).Replace("ChartVersion = \"0.7.4\",", ""))),
    };

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Compile_refuses_in_one_line_synth_keeps_the_verification_and_the_analyzer_says_nothing_else(string key)
    {
        var c = Cases.Single(x => x.Name == key);
        var source = new RuleCase("CRG001", CaseKind.NearMiss, key, c.Body).Source;

        // The analyzer: no refusing rule and nothing on the verification; what it says is a subset of what compile says.
        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var all = string.Join("\n", diagnostics.Select(d => $"  {d.Id}: {d.GetMessage()}"));
        Assert.True(!diagnostics.Any(d => d.Id is "CRG001" or "CRG002" or "CRG110" or "CRG206" or "CRG215"), key + ": a refusing rule fired:\n" + all);
        Assert.True(!diagnostics.Any(d => d.GetMessage().Contains("Verify", StringComparison.Ordinal) || d.GetMessage().Contains("ChartSource", StringComparison.Ordinal)),
            key + ": the analyzer says something about the chart source:\n" + all);
        Assert.True(!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), key + ": the clean stack has an error diagnostic:\n" + all);

        var assembly = CheckRunner.Load(compilation);
        var type = assembly.GetTypes().Single(t => t.Name == "S");
        var create = System.Linq.Expressions.Expression.Lambda<Func<Stack>>(System.Linq.Expressions.Expression.New(type)).Compile();
        var catalog = new StackCatalog().Add("s", create);

        var temp = Directory.CreateTempSubdirectory("direct-helm-verify-");
        try
        {
            // compile: exit 2, one line naming resource, property and value, nothing on stdout, no program or findings file.
            var outDir = Path.Combine(temp.FullName, "programs") + Path.DirectorySeparatorChar;
            var (exit, stdout, stderr) = await Run(catalog, "compile", "--stack", "s", "--out", outDir, "--config-root", temp.FullName);
            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Equal("", stdout);
            var errors = stderr.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("error", StringComparison.Ordinal)).ToList();
            var line = Assert.Single(errors);
            Assert.StartsWith($"error: {c.Resource}: ChartSource.Verify = '{c.Value}': ", line, StringComparison.Ordinal);
            Assert.Contains("ReleaseDelivery.Flux", line, StringComparison.Ordinal);
            // Anything else on stderr is the deployment gate's non-blocking warnings, printed before the refusal.
            var lines = stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Equal(line, lines[^1]);
            Assert.All(lines[..^1], l => Assert.Contains("warning", l, StringComparison.Ordinal));
            Assert.False(Directory.Exists(outDir), "compile must write nothing for a refused stack");
            Assert.Empty(Directory.EnumerateFileSystemEntries(temp.FullName));

            // synth renders the Flux tree, where source-controller verifies the artifact: the verification is kept, not dropped.
            var gitops = Path.Combine(temp.FullName, "gitops");
            var (synthExit, _, synthErr) = await Run(catalog, "synth", "--stack", "s", "--target", "gitops", "--out", gitops);
            Assert.True(synthExit == ExitCodes.Ok, synthErr);
            var repository = Directory.EnumerateFiles(gitops, "ocirepository.yaml", SearchOption.AllDirectories)
                .Select(File.ReadAllText)
                .Single(t => t.Contains("verify:", StringComparison.Ordinal));
            Assert.Contains("provider: " + c.Value, repository, StringComparison.Ordinal);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Out, string Err)> Run(StackCatalog catalog, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, catalog, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
