using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ClusterRegistry.Analyzers.Collection;
using ClusterRegistry.Analyzers.Diagnostics;
using ClusterRegistry.Analyzers.Snapshot;
using ClusterRegistry.Rules;
using ClusterRegistry.Rules.Topology;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers
{
    /// <summary>Interprets a collected stack class, builds the snapshot, runs every rule and turns findings into diagnostics.</summary>
    internal static class StackEvaluation
    {
        /// <summary>Diagnostic property: the resource a finding is about (e.g. <c>SpegelRelease 'spegel'</c>).</summary>
        public const string ResourceProperty = "Resource";

        /// <summary>Diagnostic property: the property path a finding is about (e.g. <c>Args.PrependExisting</c>).</summary>
        public const string PropertyPathProperty = "PropertyPath";

        /// <summary>
        /// Diagnostic property, set when a finding about a declaration in a base stack class is reported on the derived
        /// class's name: the declaration's own location is then the diagnostic's first additional location, where the
        /// code fix edits.
        /// </summary>
        public const string DeclaredInBaseProperty = "DeclaredInBase";

        public static TopologySnapshot BuildSnapshot(StackCollector collector)
        {
            var (declarations, resolver) = collector.Interpret();
            return SymbolicSnapshotBuilder.Build(declarations, resolver);
        }

        /// <summary>
        /// The diagnostics of one stack class. A finding about an inherited declaration is reported on the class's name,
        /// unless the base class reports the same finding itself at that declaration (a value rule needs no derived class):
        /// then every derived stack would repeat it.
        /// </summary>
        public static IEnumerable<Diagnostic> Evaluate(StackCollector collector, BaseStackBlocks inheritance, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var snapshot = BuildSnapshot(collector);
            var fallback = snapshot.Location as Location;
            var diagnostics = new List<Diagnostic>();
            var seen = new HashSet<(string, Location?)>();
            foreach (var rule in Descriptors.Rules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IEnumerable<Finding> findings;
                try
                {
                    findings = new List<Finding>(rule.Evaluate(snapshot));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One faulty rule must not take the others down; StackAnalyzer counts the failure for tests.
                    StackAnalyzer.RecordInternalError(e);
                    continue;
                }

                foreach (var f in findings)
                {
                    var descriptor = Descriptors.For(f.Id);
                    if (descriptor is null)
                    {
                        continue;
                    }

                    var location = fallback;
                    var message = f.Message;
                    Location? inBase = null;
                    if (f.Location is Location l && l.IsInSource)
                    {
                        if (collector.IsOwnLocation(l))
                        {
                            location = l;
                        }
                        else if (collector.BaseDeclaring(l) is { } declaringBase)
                        {
                            if (inheritance.ReportsItself(declaringBase, f.Id, f.Message, l, cancellationToken))
                            {
                                continue;
                            }

                            inBase = l;
                            var line = l.GetLineSpan();
                            message += $" (declared in base stack {declaringBase.Name}, {System.IO.Path.GetFileName(line.Path)} line {line.StartLinePosition.Line + 1})";
                        }
                    }

                    if (location is null || !seen.Add((f.Id + "\u0000" + message, location)))
                    {
                        continue;
                    }

                    var props = ImmutableDictionary.CreateBuilder<string, string?>();
                    foreach (var kv in f.Fix)
                    {
                        props[kv.Key] = kv.Value;
                    }

                    props[ResourceProperty] = f.Resource;
                    props[PropertyPathProperty] = f.PropertyPath;
                    if (inBase is not null)
                    {
                        props[DeclaredInBaseProperty] = "true";
                    }

                    diagnostics.Add(Diagnostic.Create(
                        descriptor, location, inBase is null ? null : new[] { inBase }, props.ToImmutable(), message));
                }
            }

            return diagnostics;
        }
    }
}
