using System.Collections.Concurrent;
using System.Collections.Immutable;
using ClusterRegistry.Analyzers.Collection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>Registers exactly like <see cref="StackAnalyzer"/> but keeps what the collector found, per stack class.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class CollectingAnalyzer : DiagnosticAnalyzer
{
    public ConcurrentDictionary<string, (StackDeclarations Declarations, Resolver Resolver)> Stacks { get; } = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
        ImmutableArray.Create(new DiagnosticDescriptor("TEST0001", "t", "t", "t", DiagnosticSeverity.Hidden, true));

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(cs =>
        {
            var types = KnownTypes.Create(cs.Compilation);
            if (types is null)
            {
                return;
            }

            var inheritance = new BaseStackBlocks(types, cs.Compilation);
            cs.RegisterSymbolStartAction(ss =>
            {
                if (ss.Symbol is not INamedTypeSymbol t || !types.IsStackClass(t))
                {
                    return;
                }

                var collector = new StackCollector(types, t);
                ss.RegisterOperationBlockAction(b => collector.Add(b.OwningSymbol, b.OperationBlocks));
                ss.RegisterSymbolEndAction(e =>
                {
                    collector.AddInherited(inheritance, e.CancellationToken);
                    Stacks[t.Name] = collector.Interpret();
                });
            }, SymbolKind.NamedType);
        });
    }

    public static async Task<CollectingAnalyzer> RunAsync(params string[] sources)
    {
        var analyzer = new CollectingAnalyzer();
        var compilation = TestCompilation.Create(sources);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var cwa = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));
        var diags = await cwa.GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diags, d => d.Id == "AD0001");
        return analyzer;
    }
}
