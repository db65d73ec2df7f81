using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ClusterRegistry.Rules;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Diagnostics
{
    /// <summary>
    /// One Roslyn descriptor per rule of the rule library: ID, title, category, default severity and help link come from
    /// the rule's own <see cref="RuleDescriptor"/>, so the analyzer and <c>check</c> can never disagree on them.
    /// </summary>
    internal static class Descriptors
    {
        private static readonly Lazy<IReadOnlyList<Rule>> rules = new Lazy<IReadOnlyList<Rule>>(() => RuleCatalog.All);

        private static readonly Lazy<ImmutableDictionary<string, DiagnosticDescriptor>> byId = new Lazy<ImmutableDictionary<string, DiagnosticDescriptor>>(
            () => Rules
                .Select(r => r.Descriptor)
                .GroupBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => Create(g.First()), StringComparer.Ordinal));

        /// <summary>The rules the analyzer evaluates (CRG0xx–CRG4xx; the CRG5xx node checks belong to <c>doctor</c>).</summary>
        public static IReadOnlyList<Rule> Rules => rules.Value;

        private static readonly Lazy<ImmutableArray<DiagnosticDescriptor>> all = new Lazy<ImmutableArray<DiagnosticDescriptor>>(
            () => byId.Value.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray());

        /// <summary>Every descriptor, in ID order (computed once: the driver asks for SupportedDiagnostics repeatedly).</summary>
        public static ImmutableArray<DiagnosticDescriptor> All => all.Value;

        public static DiagnosticDescriptor? For(string id) => byId.Value.TryGetValue(id, out var d) ? d : null;

        private static DiagnosticDescriptor Create(RuleDescriptor rule) => new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            "{0}",
            rule.Category,
            rule.DefaultSeverity switch
            {
                RuleSeverity.Error => DiagnosticSeverity.Error,
                RuleSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            },
            isEnabledByDefault: true,
            description: rule.Description,
            helpLinkUri: rule.HelpLink);
    }
}
