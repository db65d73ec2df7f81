using System;
using System.Collections.Immutable;
using System.Threading;
using ClusterRegistry.Analyzers.Collection;
using ClusterRegistry.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Analyzers
{
    /// <summary>
    /// Runs the rule library over each stack class. The unit of analysis is one class deriving from
    /// <c>ClusterRegistry.Stack</c>: a symbol-start action gathers the operation blocks of its members, the symbol-end
    /// action interprets them, builds the topology snapshot and evaluates the same rule functions <c>check</c> uses.
    /// Symbol-end diagnostics are reported live in the IDE (unlike compilation-end ones) and get code fixes.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StackAnalyzer : DiagnosticAnalyzer
    {
        private static int internalErrors;

        /// <summary>Exceptions the analyzer caught and swallowed (it never lets one escape as AD0001). Tests assert 0.</summary>
        internal static int InternalErrors => Volatile.Read(ref internalErrors);

        /// <summary>The last swallowed exception, for test failure messages.</summary>
        internal static Exception? LastInternalError { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            KnownTypes? types;
            try
            {
                types = KnownTypes.Create(context.Compilation);
            }
            catch (Exception e)
            {
                Record(e);
                return;
            }

            if (types is null)
            {
                return; // not a stacks project: nothing to do, at no cost.
            }

            var inheritance = new BaseStackBlocks(types, context.Compilation);
            context.RegisterSymbolStartAction(
                start =>
                {
                    try
                    {
                        if (start.Symbol is not INamedTypeSymbol type || !types.IsStackClass(type))
                        {
                            return;
                        }

                        var collector = new StackCollector(types, type);
                        start.RegisterOperationBlockAction(block =>
                        {
                            try
                            {
                                collector.Add(block.OwningSymbol, block.OperationBlocks);
                            }
                            catch (Exception e)
                            {
                                Record(e);
                            }
                        });
                        start.RegisterSymbolEndAction(end =>
                        {
                            try
                            {
                                collector.AddInherited(inheritance, end.CancellationToken);
                                foreach (var d in StackEvaluation.Evaluate(collector, inheritance, end.CancellationToken))
                                {
                                    end.ReportDiagnostic(d);
                                }
                            }
                            catch (OperationCanceledException) when (end.CancellationToken.IsCancellationRequested)
                            {
                                throw;
                            }
                            catch (Exception e)
                            {
                                Record(e);
                            }
                        });
                    }
                    catch (Exception e)
                    {
                        Record(e);
                    }
                },
                SymbolKind.NamedType);
        }

        internal static void RecordInternalError(Exception e) => Record(e);

        private static void Record(Exception e)
        {
            LastInternalError = e;
            Interlocked.Increment(ref internalErrors);
        }
    }
}
