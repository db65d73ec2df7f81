using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Cli;
using Microsoft.CodeAnalysis;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Validation;

/// <summary>
/// An OCI chart's signature check (<c>ChartSource.Verify</c>, cosign or notation) is something only Flux's OCIRepository
/// does (<c>spec.verify</c>, source.toolkit.fluxcd.io/v1); Helm installs an OCI chart without checking a signature. A
/// release delivered as a direct Helm release (<c>Delivery = ReleaseDelivery.Helm</c>, a cluster without Flux) with
/// <c>Verify</c> set is refused by CRG001, and this test follows one stack source through every front end: the analyzer
/// marks the Verify assignment, <c>check</c> reports it with the same message, <c>compile</c> (the Pulumi program) exits 2 ending in one line naming the resource, the
/// property and the value, and writes nothing, and <c>synth</c> exits 2 with the same line and writes nothing.
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
                        [|Verify = new ClusterRegistry.Charts.ChartVerification { SecretName = "cosign-public-keys" }|],
                    },
                    Delivery = ReleaseDelivery.Helm,
        """;

    private const string SpegelSource = """
        ChartSource = new ClusterRegistry.Charts.OciChartSource
                    {
                        Url = "oci://ghcr.io/spegel-org/helm-charts/spegel",
                        Tag = "0.7.4",
                        [|Verify = new ClusterRegistry.Charts.ChartVerification { Provider = ClusterRegistry.Charts.ChartVerificationProvider.Notation, SecretName = "notation-config" }|],
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
    public async Task The_analyzer_compile_and_synth_refuse_the_same_Verify(string key)
    {
        var c = Cases.Single(x => x.Name == key);
        var (source, expected) = Markup.Parse(new RuleCase("CRG001", CaseKind.Fires, key, c.Body).Source);

        // The analyzer: one refusing diagnostic, CRG001 on the Verify assignment.
        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var all = string.Join("\n", diagnostics.Select(d => $"  {d.Id} at [{Markup.Show(source, d.Location.SourceSpan)}]: {d.GetMessage()}"));
        var refusing = diagnostics.Where(d => d.Id is "CRG001" or "CRG002" or "CRG110" or "CRG206" or "CRG215").ToList();
        Assert.True(refusing.Count == 1 && refusing[0].Id == "CRG001" && refusing[0].Location.SourceSpan == expected.Single(), key + ":\n" + all);
        Assert.Equal(new CheckFinding("CRG001", c.Resource, "ChartSource.Verify"), CheckFinding.Of(refusing[0]));
        var message = refusing[0].GetMessage();
        Assert.Contains("ReleaseDelivery.Flux", message, StringComparison.Ordinal);

        var assembly = CheckRunner.Load(compilation);
        var type = assembly.GetTypes().Single(t => t.Name == "S");
        var create = System.Linq.Expressions.Expression.Lambda<Func<Stack>>(System.Linq.Expressions.Expression.New(type)).Compile();
        var catalog = new StackCatalog().Add("s", create);
        var refusal = $"error: {c.Resource}: ChartSource.Verify = '{c.Value}': {message} (CRG001)";

        // check: the same finding on the real values.
        var (checkExit, checkOut, _) = await Run(catalog, "check", "--stack", "s");
        Assert.Equal(ExitCodes.Findings, checkExit);
        Assert.Contains($"error CRG001: {c.Resource} ChartSource.Verify: {message} [", checkOut, StringComparison.Ordinal);

        var temp = Directory.CreateTempSubdirectory("direct-helm-verify-");
        try
        {
            // compile: the deployment gate lists the finding, then the refusal is the last line; nothing on stdout, no files.
            var outDir = Path.Combine(temp.FullName, "programs") + Path.DirectorySeparatorChar;
            var (exit, stdout, stderr) = await Run(catalog, "compile", "--stack", "s", "--out", outDir, "--config-root", temp.FullName);
            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Equal("", stdout);
            var lines = stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Equal(refusal, lines[^1]);
            Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("error CRG001", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
            Assert.Empty(Directory.EnumerateFileSystemEntries(temp.FullName));

            // synth: the same one line, and no output folder.
            var gitops = Path.Combine(temp.FullName, "gitops");
            var (synthExit, synthOut, synthErr) = await Run(catalog, "synth", "--stack", "s", "--target", "all", "--out", gitops);
            Assert.Equal(ExitCodes.BadInput, synthExit);
            Assert.Equal("", synthOut);
            Assert.Equal(refusal + "\n", synthErr.ReplaceLineEndings("\n"));
            Assert.Empty(Directory.EnumerateFileSystemEntries(temp.FullName));
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
