using System.Collections.Immutable;
using ClusterRegistry.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>Compiles stack source against the running runtime and the ClusterRegistry model, and runs the analyzer on it.</summary>
public static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LoadedReferences = new(() =>
    {
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var list = tpa
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        list.Add(MetadataReference.CreateFromFile(typeof(ClusterRegistry.Stack).Assembly.Location));
        return list.ToImmutableArray();
    });

    /// <summary>The ClusterRegistry SDK assembly (the model stack code is written against).</summary>
    public static MetadataReference ModelReference { get; } = MetadataReference.CreateFromFile(typeof(ClusterRegistry.Stack).Assembly.Location);

    /// <summary>Runtime facades and the SDK: everything stack code needs.</summary>
    public static ImmutableArray<MetadataReference> References => LoadedReferences.Value;

    public static readonly string Usings = """
        using System;
        using System.Collections.Generic;
        using ClusterRegistry;
        using ClusterRegistry.Harbor;
        using ClusterRegistry.Probes;
        using ClusterRegistry.Spegel;
        using ClusterRegistry.Talos;

        """;

    /// <summary>The SDK's implicit usings, as a stacks project has them.</summary>
    public static readonly string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "StackTest" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/Stack{i}.cs"))
                .Append(CSharpSyntaxTree.ParseText(GlobalUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/GlobalUsings.g.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the analyzer and returns its diagnostics plus any analyzer exception (AD0001) diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, AnalyzerOptions? options = null)
    {
        var exceptions = new List<Diagnostic>();
        var cwa = new CompilationWithAnalyzers(
            compilation,
            ImmutableArray.Create<DiagnosticAnalyzer>(new StackAnalyzer()),
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (e, a, d) => { lock (exceptions) { exceptions.Add(d); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diags = await cwa.GetAllDiagnosticsAsync();
        return diags.Where(d => d.Id.StartsWith("CRG", StringComparison.Ordinal) || d.Id == "AD0001").Concat(exceptions).ToImmutableArray();
    }
}
