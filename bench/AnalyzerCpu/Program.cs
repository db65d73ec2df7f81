using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Runs one analyzer assembly over a project of N copies of a stack, ITERATIONS times, each on a fresh compilation, so a
// CPU profiler (bench/analyzers-cpu.sh uses perf) can count the samples spent inside the analyzer's own frames. Three
// warm-up iterations go first (JIT, caches; ANALYZER_CPU_WARMUP=0 for none, the cold build's case); then, when PERF_CTL_FIFO names perf's control FIFO, "enable" is written to
// it, so perf (started with -D -1) samples the measured iterations only.
// Usage: AnalyzerCpu ANALYZER_DLL SDK_DIR STACK_CS N ITERATIONS
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: AnalyzerCpu ANALYZER_DLL SDK_DIR STACK_CS N ITERATIONS");
    return 2;
}

var analyzers = new AnalyzerFileReference(Path.GetFullPath(args[0]), new PathLoader()).GetAnalyzers(LanguageNames.CSharp);
var stack = File.ReadAllText(args[2]);
int copies = int.Parse(args[3]), iterations = int.Parse(args[4]);
var parse = new CSharpParseOptions(LanguageVersion.Latest);
var trees = new List<SyntaxTree>
{
    CSharpSyntaxTree.ParseText("global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n", parse, "/gen/GlobalUsings.cs"),
};
for (var i = 1; i <= copies; i++)
{
    var source = stack.Replace("namespace Stacks;", "namespace Gen;").Replace("HomelabStack", $"Stack{i}").Replace("base(\"homelab\")", $"base(\"s{i}\")");
    trees.Add(CSharpSyntaxTree.ParseText(source, parse, $"/gen/Stack{i}.cs"));
}

var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
var references = platform
    .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "mscorlib.dll" or "netstandard.dll"))
    .Append(Path.Combine(args[1], "ClusterRegistry.dll"))
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToImmutableArray();

var warmUp = Environment.GetEnvironmentVariable("ANALYZER_CPU_WARMUP") is { Length: > 0 } w ? int.Parse(w) : 3;
for (var it = -warmUp; it < iterations; it++)
{
    if (it == 0 && Environment.GetEnvironmentVariable("PERF_CTL_FIFO") is { Length: > 0 } control)
    {
        File.WriteAllText(control, "enable\n");
    }

    var compilation = CSharpCompilation.Create("Gen", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    // The first type lookup of a compilation builds its declaration table, work the compiler does for any analyzer or
    // none; it is done here so that the analyzer's first GetTypeByMetadataName is not charged with it.
    compilation.GetTypeByMetadataName("ClusterRegistry.Stack");
    var errors = new List<string>();
    var found = await new CompilationWithAnalyzers(compilation, analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => errors.Add(e.Message),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false))
        .GetAnalyzerDiagnosticsAsync();
    if (it == -warmUp && (errors.Count > 0 || compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) || found.Any(d => d.Id == "AD0001")))
    {
        Console.Error.WriteLine("the generated project does not compile, or the analyzer threw: " + string.Join("; ", errors));
        return 1;
    }
}

return 0;

internal sealed class PathLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}
