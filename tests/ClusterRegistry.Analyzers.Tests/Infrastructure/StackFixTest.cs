using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>
/// A code fix test on Microsoft.CodeAnalysis.Testing for one CRG fix provider and the real <see cref="StackAnalyzer"/>:
/// stack files before and after, in the test project and optionally in a second project of the same solution. The
/// harness applies the fix diagnostic by diagnostic, then Fix All in document, project and solution scope, and checks
/// each result against the files after, that the fixed code compiles, that no fixed diagnostic is left and that the
/// fix's syntax tree is the tree the compiler parses from its text.
/// </summary>
/// <remarks>
/// References are the ones every analyzer test compiles against (<see cref="TestCompilation.References"/>: the running
/// runtime and the ClusterRegistry SDK); nothing is resolved from NuGet. Only the provider's own rule is reported (the
/// other CRG rules are disabled: a stack fragment may trip them and they are not this fix's business). The expected
/// diagnostics of the "before" files are the analyzer's own, computed on the same files; the rule tests pin their
/// spans, these tests pin what the fix writes.
/// </remarks>
public sealed class StackFixTest : CSharpCodeFixTest<StackAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    /// <summary>The second project, for Fix All in solution scope.</summary>
    public const string SecondProject = "Stacks2";

    private readonly CodeFixProvider provider;

    private StackFixTest(CodeFixProvider provider)
    {
        this.provider = provider;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        DisabledDiagnostics.AddRange(new StackAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct().Except(provider.FixableDiagnosticIds));
        // Every project of the solution compiles as a stacks project does (the harness sets this up for the test project
        // only; the second project would otherwise get default options and report every rule).
        SolutionTransforms.Add((solution, _) =>
        {
            foreach (var project in solution.Projects)
            {
                var options = (CSharpCompilationOptions)project.CompilationOptions!;
                solution = solution
                    .WithProjectCompilationOptions(project.Id, options
                        .WithNullableContextOptions(NullableContextOptions.Enable)
                        .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems(DisabledDiagnostics.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress)))))
                    .WithProjectParseOptions(project.Id, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
            }

            return solution;
        });
        CodeActionVerifier = (action, verifier) => verifier.False(string.IsNullOrWhiteSpace(action.Title), "the fix has no title");
    }

    /// <summary>
    /// A test of <paramref name="provider"/> over <paramref name="files"/> (before, after) in the test project and
    /// <paramref name="secondProject"/> in a second project; each project must have at least one diagnostic to fix.
    /// </summary>
    public static async Task<StackFixTest> CreateAsync(
        CodeFixProvider provider,
        IReadOnlyList<(string Before, string After)> files,
        IReadOnlyList<(string Before, string After)>? secondProject = null)
    {
        var test = new StackFixTest(provider);
        var ids = provider.FixableDiagnosticIds.ToHashSet(StringComparer.Ordinal);
        await AddAsync(test, test.TestState, test.FixedState, "/0/Test", files, ids);
        if (secondProject is not null)
        {
            var before = test.TestState.AdditionalProjects[SecondProject];
            var after = test.FixedState.AdditionalProjects[SecondProject];
            before.AdditionalReferences.AddRange(TestCompilation.References);
            after.AdditionalReferences.AddRange(TestCompilation.References);
            await AddAsync(test, before, after, $"/{SecondProject}/Test", secondProject, ids);
        }

        return test;
    }

    private static async Task AddAsync(StackFixTest test, ProjectState before, ProjectState after, string prefix, IReadOnlyList<(string Before, string After)> files, HashSet<string> ids)
    {
        if (before == test.TestState)
        {
            test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        }

        var usings = (prefix + "GlobalUsings.g.cs", TestCompilation.GlobalUsings);
        var paths = files.Select((_, i) => $"{prefix}{i}.cs").ToList();
        for (var i = 0; i < files.Count; i++)
        {
            before.Sources.Add((paths[i], files[i].Before));
            after.Sources.Add((paths[i], files[i].After));
        }

        before.Sources.Add(usings);
        after.Sources.Add(usings);

        // The analyzer's diagnostics on the same files, under the same paths, as the harness will see them.
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Expected" + Guid.NewGuid().ToString("N"),
            files.Select((f, i) => CSharpSyntaxTree.ParseText(f.Before, parse, paths[i])).Append(CSharpSyntaxTree.ParseText(usings.Item2, parse, usings.Item1)),
            TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var diagnostics = (await TestCompilation.AnalyzeAsync(compilation)).Where(d => ids.Contains(d.Id)).ToList();
        Assert.True(diagnostics.Count > 0, $"no {string.Join(",", ids)} diagnostic to fix in {prefix}*.cs");
        foreach (var d in diagnostics)
        {
            var expected = new DiagnosticResult(d.Id, d.Severity).WithMessage(d.GetMessage()).WithSpan(d.Location.GetLineSpan());
            foreach (var additional in d.AdditionalLocations)
            {
                expected = expected.WithSpan(additional.GetLineSpan());
            }

            test.ExpectedDiagnostics.Add(expected);
        }
    }

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => [provider];
}
