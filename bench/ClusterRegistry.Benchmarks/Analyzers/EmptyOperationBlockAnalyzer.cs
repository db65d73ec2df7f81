using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Benchmarks.Analyzers;

/// <summary>
/// The cost any IOperation analyzer pays before it does any work of its own: it registers for the operation blocks of
/// every named type, as <c>StackAnalyzer</c> does for stack classes, and looks at nothing. Run through the same analyzer
/// driver, it separates the compiler's analysis pass (a second binding of the method bodies into IOperation trees,
/// which <c>csc</c> partly overlaps with emit on other cores) from what our analyzer adds on top (snapshot and rules).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyOperationBlockAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH001", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolStartAction(
            start =>
            {
                start.RegisterOperationBlockAction(_ => { });
                start.RegisterSymbolEndAction(_ => { });
            },
            SymbolKind.NamedType);
    }
}
