using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Diagnostics
{
    /// <summary>One descriptor per rule of the catalogue.</summary>
    internal static class Descriptors
    {
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray<DiagnosticDescriptor>.Empty;
    }
}
