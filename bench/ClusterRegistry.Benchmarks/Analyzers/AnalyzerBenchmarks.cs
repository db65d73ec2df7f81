using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using ClusterRegistry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Benchmarks.Analyzers;

/// <summary>
/// The analyzer's cost as a project grows (issue 3: report the share of compile time and the time per stack class; it
/// must grow linearly). A project of N copies of the homelab stack, one class per file, is compiled in process with
/// the same syntax trees and references every time, into a fresh <see cref="Compilation"/> per invocation so no bound
/// tree or IOperation is reused: <see cref="Compile"/> is the compile alone (bind and emit), <see cref="CompileAndAnalyze"/>
/// the same compile with our analyzer run first through the analyzer driver, <see cref="CompileAndEmptyAnalyzer"/> the
/// same with an analyzer that asks for the same operation blocks and does nothing. <c>CompileAndEmptyAnalyzer -
/// Compile</c> is the driver's analysis pass that any IOperation analyzer costs (here run after emit, not beside it as
/// in <c>csc</c>); <c>CompileAndAnalyze - CompileAndEmptyAnalyzer</c> is our analyzer's own work per stack class.
/// Unlike <c>bench/analyzers.sh</c> (the real <c>csc</c>, start-up and JIT included), this isolates the steady-state
/// cost, where linear growth shows. The compiler here is the Roslyn package BenchmarkDotNet depends on, not the SDK's
/// own csc.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    [Params(10, 100, 500)]
    public int Stacks { get; set; }

    /// <summary>
    /// <c>flat</c>: copies of the homelab stack, everything in one constructor. <c>base</c>: copies of the
    /// docs/multi-environment.md example (an abstract base with helpers and two environments per copy), so the same
    /// number of stack classes exercises inherited declarations, the constructor chain and helper calls.
    /// </summary>
    [Params("flat", "base")]
    public string Shape { get; set; } = "flat";

    private ImmutableArray<SyntaxTree> trees;
    private ImmutableArray<MetadataReference> references;
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new StackAnalyzer());
    private readonly ImmutableArray<DiagnosticAnalyzer> empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationBlockAnalyzer());

    [GlobalSetup]
    public void Setup()
    {
        var homelab = Resource("HomelabStack.cs");
        var page = Resource("multi-environment.md");
        var start = page.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var environments = page.Substring(start, page.IndexOf("```", start, StringComparison.Ordinal) - start);

        var list = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(
                "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n",
                Parse, path: "/gen/GlobalUsings.g.cs"),
        };
        for (var i = 1; i <= Stacks; i++)
        {
            var source = Shape == "flat"
                ? homelab
                    .Replace("namespace Stacks;", "namespace Gen;", StringComparison.Ordinal)
                    .Replace("HomelabStack", $"Stack{i}", StringComparison.Ordinal)
                    .Replace("base(\"homelab\")", $"base(\"s{i}\")", StringComparison.Ordinal)
                : environments
                    .Replace("namespace Stacks;", "namespace Gen;", StringComparison.Ordinal)
                    .Replace("ClusterStack", $"ClusterStack{i}", StringComparison.Ordinal)
                    .Replace("LabStack", $"LabStack{i}", StringComparison.Ordinal)
                    .Replace("ProductionStack", $"ProductionStack{i}", StringComparison.Ordinal);
            list.Add(CSharpSyntaxTree.ParseText(source, Parse, path: $"/gen/Stack{i}.cs"));
            if (Shape == "base")
            {
                i++; // each copy holds two stack classes
            }
        }

        trees = list.ToImmutableArray();
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        references = tpa
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(Stack).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

        // A benchmark of a project that does not compile, or on which the analyzer finds nothing to look at, measures
        // nothing: the homelab copies must compile cleanly and be analyzed without an analyzer exception.
        var compilation = NewCompilation();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"generated project does not compile: {errors[0]}");
        }

        var exceptions = new List<Diagnostic>();
        var diagnostics = new CompilationWithAnalyzers(compilation, analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (_, _, d) => exceptions.Add(d),
                concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (exceptions.Count > 0 || diagnostics.Any(d => d.Id == "AD0001"))
        {
            throw new InvalidOperationException("the analyzer threw on the generated project");
        }

        // Both shapes are clean stacks: a finding here would mean the copies were generated wrong.
        if (diagnostics.FirstOrDefault(d => d.Id.StartsWith("CRG", StringComparison.Ordinal)) is { } finding)
        {
            throw new InvalidOperationException($"the generated {Shape} project is not clean: {finding}");
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(AnalyzerBenchmarks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(name + " is not embedded in the benchmark assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private CSharpCompilation NewCompilation() => CSharpCompilation.Create(
        "Gen", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    [Benchmark(Baseline = true)]
    public bool Compile()
    {
        using var pe = new MemoryStream();
        return NewCompilation().Emit(pe).Success;
    }

    [Benchmark]
    public Task<bool> CompileAndEmptyAnalyzer() => CompileWith(empty);

    [Benchmark]
    public Task<bool> CompileAndAnalyze() => CompileWith(analyzers);

    private async Task<bool> CompileWith(ImmutableArray<DiagnosticAnalyzer> run)
    {
        var compilation = NewCompilation();
        var found = await new CompilationWithAnalyzers(compilation, run, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        using var pe = new MemoryStream();
        return compilation.Emit(pe).Success && found.Length >= 0;
    }
}
